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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo clinic once into the test database; each test then runs
    in a transaction that is rolled back, so tests see it unchanged."""
    with django_db_blocker.unblock():
        call_command("load_demo", stdout=open(os.devnull, "w"))


@pytest.fixture
def demo_site(db):
    """The demo clinic, as `make demo` loads it (loaded once per session)."""


@pytest.fixture
def live_demo_site(transactional_db):
    """The demo clinic for tests that browse a live server. Such tests commit,
    so the database is emptied after each and the demo is loaded afresh."""
    from django.core.management.sql import emit_post_migrate_signal

    # The flush skips post_migrate; content types and permissions come back here.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    # wagtail-localize creates this one in a data migration, as it does here.
    from django.contrib.auth.models import Permission
    from django.contrib.contenttypes.models import ContentType

    Permission.objects.get_or_create(
        content_type=ContentType.objects.get_or_create(app_label="wagtail_localize", model="translation")[0],
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    call_command("load_demo", stdout=open(os.devnull, "w"))


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
