"""When something breaks, visitors still get the phone number and crisis help."""

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error


def test_server_error_page_is_static_and_shows_how_to_reach_the_clinic():
    # No django_db mark: pytest-django refuses any database access here, so
    # this proves the page renders even when the database is what failed.
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    html = response.content.decode()
    assert 'href="tel:+16307910444"' in html and "630-791-0444" in html
    assert 'href="tel:988"' in html and 'href="tel:911"' in html


@pytest.mark.django_db
def test_not_found_page_is_friendly_and_in_the_visitors_language(client, demo_site):
    response = client.get("/pl/nie-ma-takiej-strony/")

    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="pl"' in html
    assert "Nie znaleźliśmy tej strony" in html
    assert "630-791-0444" in html
    assert 'rel="canonical"' not in html and "hreflang=\"x-default\"" not in html
    # The switcher still offers each language's home page.
    assert 'href="/es/" lang="es"' in html
