"""When something breaks, visitors still get the phone number and crisis help."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.views.defaults import server_error

from tests.portal.test_settings import manage


def test_server_error_page_is_static_and_shows_how_to_reach_the_clinic():
    # No django_db mark: pytest-django refuses any database access here, so
    # this proves the page renders even when the database is what failed.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="tel:+16307910444"' in html and "630-791-0444" in html
    assert 'href="tel:988"' in html and 'href="tel:911"' in html


@pytest.mark.django_db
def test_not_found_page_is_friendly_and_in_the_visitors_language(client, homes):
    response = client.get("/pl/nie-ma-takiej-strony/")

    assert response.status_code == 404
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "pl"
    assert soup.find("h1").get_text(strip=True) == "Nie znaleźliśmy tej strony"
    assert "630-791-0444" in soup.find("main").get_text()
    # A missing page has no address of its own to announce...
    assert soup.find("link", rel="canonical") is None
    assert soup.find("link", rel="alternate") is None
    # ...but the switcher still offers each language's home page.
    switcher = soup.find("nav", class_="language-switcher")
    assert {a["lang"]: a["href"] for a in switcher.find_all("a")} == {"en": "/", "es": "/es/", "pl": "/pl/"}


def _demo_settings(extra_env):
    """DEBUG, and what serves /media/ and /static/, under the demo's settings."""
    result = manage(
        "shell", "-c",
        "from django.conf import settings; from django.urls import resolve; "
        "print(settings.DEBUG, resolve('/media/original_images/a.png').func.__name__, "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in settings.MIDDLEWARE)",
        env={"DJANGO_SETTINGS_MODULE": "portal.settings.dev", **extra_env},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()


def test_the_demo_shows_the_sites_own_error_pages_unless_a_developer_asks_for_debug():
    assert _demo_settings({}) == ["False", "serve", "True"]
    assert _demo_settings({"DJANGO_DEBUG": "true"})[0] == "True"
