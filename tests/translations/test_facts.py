"""Facts are synchronised, never retyped: translators are not asked for
them, and a changed fact reaches the live translations when English is
published."""

import datetime
from decimal import Decimal

import pytest

from locations.models import OpeningHours
from tests.locations.factories import OfficeFactory, translate_in_editor
from tests.translations.factories import translate_through_localize
from translations.models import PendingUpdate
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db

FACTS = ["123 Example Street", "60540", "630-555-0100", "intake-naperville@example.org", "41.77"]


@pytest.fixture
def naperville(finders):
    office = OfficeFactory(parent=finders["en"], title="Naperville", slug="naperville",
                           street_address="123 Example Street", phone="630-555-0100",
                           latitude=Decimal("41.770000"), longitude=Decimal("-88.150000"), search_description="Therapy in Naperville.")
    return {"en": office, "es": translate_in_editor(office, "es")}


def test_translators_are_asked_for_text_but_never_for_facts(naperville):
    translation = Translation.objects.get(target_locale__language_code="es")
    msgids = [entry.msgid for entry in translation.export_po()]

    assert "Free parking beside the building." in msgids
    assert "Therapy in Naperville." in msgids  # meta description
    assert "naperville" in msgids  # the slug
    for fact in FACTS:
        assert not any(fact in msgid for msgid in msgids), fact


def test_a_changed_phone_and_hours_reach_the_live_spanish_page(client, naperville, django_capture_on_commit_callbacks):
    english = naperville["en"]
    english.phone = "630-555-0199"
    english.opening_hours = [OpeningHours(weekday=0, opens=datetime.time(7), closes=datetime.time(12))]
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()

    spanish = client.get(naperville["es"].url).content.decode()
    assert "630-555-0199" in spanish and "630-555-0100" not in spanish
    assert "7:00" in spanish or "07:00" in spanish
    assert not PendingUpdate.objects.exists()


def test_a_fact_does_not_overwrite_a_translation_still_waiting_for_text(
    client, naperville, django_capture_on_commit_callbacks
):
    english = naperville["en"]
    english.parking_notes = "Park in the lot behind the bank."
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    live_spanish = client.get(naperville["es"].url).content.decode()
    assert PendingUpdate.objects.filter(locale__language_code="es").exists()
    assert "Park in the lot behind the bank." not in live_spanish  # the translator's page stays as it was
