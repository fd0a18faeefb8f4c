"""Shared fixtures: real servers started for the test session and stopped after.

The whole suite runs on a throwaway PostgreSQL server. With
TEST_DATABASE=sqlite the smoke set (``-m smoke``) runs on SQLite, the demo's
database. Redis, the SMTP sink and Chromium start only for tests that ask.
"""

import os

import pytest
from django.core.management import call_command

from tests.harness.postgres import PostgresServer
from tests.harness.redis import RedisServer
from tests.harness.smtp import SmtpSink

USE_SQLITE = os.environ.get("TEST_DATABASE") == "sqlite"

# Each app's fixtures (built with its factories), for every test folder.
pytest_plugins = [
    "tests.portal.fixtures",
    "tests.locations.fixtures",
    "tests.inquiries.fixtures",
    "tests.approaches.fixtures",
    "tests.blog.fixtures",
]


def pytest_configure(config):
    config.addinivalue_line("markers", "smoke: also run on SQLite, the demo's database")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counts live there)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def postgres_server():
    server = PostgresServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def django_db_modify_db_settings(request):
    """Point Django at the throwaway PostgreSQL before the test database is made."""
    if USE_SQLITE:
        return
    from django.conf import settings

    server = request.getfixturevalue("postgres_server")
    settings.DATABASES["default"].update(server.database_settings(name="portal"))


@pytest.fixture
def redis_server():
    """A Redis of the test's own, so stopping it affects nobody else."""
    server = RedisServer().start()
    yield server
    server.stop()
    server.cleanup()


@pytest.fixture
def redis_cache(redis_server, settings):
    """Django's cache on a Redis of the test's own, as in production (the
    form's rate limit counts there; ``stop()`` it to see an outage)."""
    settings.CACHES = {"default": {
        "BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": redis_server.url + "/1",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    return redis_server


@pytest.fixture
def smtp_sink(settings):
    """An SMTP server that keeps what it receives; Django sends to it.

    Django's test runner swaps in the locmem backend, so this sets SMTP back.
    """
    sink = SmtpSink().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = sink.host
    settings.EMAIL_PORT = sink.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    yield sink
    sink.stop()


@pytest.fixture(autouse=True)
def fresh_health_results():
    """/healthz/ keeps its last result per process; each test starts without."""
    from portal import health

    health.forget()


@pytest.fixture
def roles(db):
    """The admin roles (groups and permissions), as ``manage.py setup_roles`` makes them."""
    call_command("setup_roles", stdout=open(os.devnull, "w"))


@pytest.fixture
def home(db):
    """The English home page, root of the default site."""
    from tests.portal.factories import HomePageFactory

    return HomePageFactory()


@pytest.fixture
def homes(home):
    """The home page in English, Spanish and Polish: {"en": ..., "es": ..., "pl": ...}."""
    from tests.portal.factories import translate

    return {
        "en": home,
        "es": translate(home, "es", title="CARE Counseling", heading="Terapia para todas las edades"),
        "pl": translate(home, "pl", title="CARE Counseling", heading="Terapia w każdym wieku"),
    }


@pytest.fixture
def demo_site(db):
    """The demo clinic, as `make demo` loads it: only for tests about the demo."""
    call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def live_demo_site(transactional_db):
    """The demo clinic for tests that browse a live server (they commit, so
    the database is emptied after each and loaded afresh)."""
    _restore_flushed_rows()
    call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def live_home(transactional_db):
    """The English home page, for tests that commit (a live server, other processes)."""
    from tests.portal.factories import HomePageFactory

    _restore_flushed_rows()
    return HomePageFactory()


def _restore_flushed_rows():
    """A transactional test's flush removes what migrations made: bring back
    content types, permissions, the default locale, the page tree's root and
    the root collection of images and documents."""
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType
    from django.core.management.sql import emit_post_migrate_signal
    from wagtail.models import Collection, Locale, Page

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    locale, _ = Locale.objects.get_or_create(language_code="en")
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    # wagtail-localize creates this one in a data migration, as it does here.
    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.harness.browser import launch_chromium

    # Playwright's sync API keeps an event loop in this thread; Django would
    # otherwise refuse database work from the test body.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = launch_chromium(playwright)
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def browser_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
