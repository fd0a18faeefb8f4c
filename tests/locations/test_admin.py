"""Staff edit offices in the Wagtail admin; translators get the translation editor."""

import json

import pytest
from bs4 import BeautifulSoup

from portal.roles import MARKETING, TRANSLATOR_GROUPS
from tests.locations.factories import OfficeFactory, translate_in_editor
from tests.portal.factories import UserFactory
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def translator_es(homes, roles):
    """A Spanish translator (made after the Spanish home page, which their rights hang on)."""
    return UserFactory(username="translator-es", groups=[TRANSLATOR_GROUPS["es"]])


def test_marketing_opens_the_office_editor_with_hours_and_closures(client, roles, finder):
    office = OfficeFactory(parent=finder, title="Naperville", intake_email="intake-naperville@example.org")
    sign_in(client, UserFactory(username="marketing", groups=[MARKETING]))

    response = client.get(f"/admin/pages/{office.pk}/edit/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Opening hours" in html and "Closures and holidays" in html
    assert "intake-naperville@example.org" in html  # staff see it; visitors never do


def test_spanish_translator_edits_the_spanish_office_in_the_translation_editor(client, translator_es, finders):
    office = OfficeFactory(parent=finders["en"], title="Naperville")
    spanish = translate_in_editor(office, "es", {office.parking_notes: "Estacionamiento gratuito junto al edificio."})
    polish = translate_in_editor(office, "pl", {office.parking_notes: "Bezpłatny parking obok budynku."})
    sign_in(client, translator_es)

    response = client.get(f"/admin/pages/{spanish.pk}/edit/")

    assert response.status_code == 200
    editor = BeautifulSoup(response.content, "html.parser").find(class_="js-translation-editor")
    assert editor is not None
    props = json.loads(editor["data-props"])
    offered = {segment["source"] for segment in props["segments"] if segment["type"] == "string"}
    assert office.parking_notes in offered
    assert office.street_address not in offered  # facts follow the English page
    assert "Estacionamiento gratuito junto al edificio." in [
        string["data"] for string in props["initialStringTranslations"]
    ]

    assert client.get(f"/admin/pages/{polish.pk}/edit/").status_code in (302, 403)
