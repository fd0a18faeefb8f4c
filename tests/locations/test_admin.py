"""Staff edit offices in the Wagtail admin; translators get the translation editor."""

import pytest
from django.contrib.auth import get_user_model

from locations.models import LocationPage

pytestmark = pytest.mark.django_db


def login(client, username):
    client.force_login(get_user_model().objects.get(username=username))


def test_marketing_opens_the_office_editor_with_hours_and_closures(client, demo_site):
    login(client, "marketing")
    office = LocationPage.objects.get(slug="naperville", locale__language_code="en")

    response = client.get(f"/admin/pages/{office.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Opening hours" in html and "Closures and holidays" in html
    assert "intake-naperville@example.org" in html  # staff see it; visitors never do


def test_spanish_translator_edits_the_spanish_office_in_the_translation_editor(client, demo_site):
    login(client, "translator-es")
    spanish = LocationPage.objects.get(slug="naperville", locale__language_code="es")
    polish = LocationPage.objects.get(slug="naperville", locale__language_code="pl")

    response = client.get(f"/admin/pages/{spanish.pk}/edit/")
    assert response.status_code == 200
    assert b"estacionamiento gratuito" in response.content

    assert client.get(f"/admin/pages/{polish.pk}/edit/").status_code in (302, 403)
