"""Translators translate what a clinician page says, never its facts."""

import pytest
from wagtail_localize.models import Translation, TranslationSource

from tests.locations.factories import translate_in_editor
from tests.portal.factories import locale, translate

pytestmark = pytest.mark.django_db


def translatable_texts(page):
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale("es"))
    return {entry.msgid for entry in translation.export_po()}


def test_bios_are_translated_and_facts_are_not(practice, homes):
    texts = translatable_texts(practice.ana)

    assert practice.ana.short_bio in texts and "she/her" in texts
    for fact in (practice.ana.title, practice.ana.credentials, practice.ana.licence_number):
        assert fact not in texts


def test_a_translation_keeps_the_english_facts_and_links(client, practice, homes):
    translate(practice.directory, "es", title="Nuestros terapeutas")
    translate(practice.index, "es", title="Nuestros enfoques")
    translate(practice.play, "es", title="Terapia de juego", summary="Jugar para expresarse.")

    spanish = translate_in_editor(practice.ana, "es", {practice.ana.short_bio: "Trabaja con familias."})

    assert spanish.short_bio == "Trabaja con familias."
    assert (spanish.credentials, spanish.licence_number) == (practice.ana.credentials, practice.ana.licence_number)
    html = client.get("/es/clinicians/ana-example/").content.decode()
    # Linked approaches show in Spanish where a Spanish page exists.
    assert 'href="/es/approaches/play-therapy/">Terapia de juego' in html
    assert "/approaches/emdr/" not in html  # no Spanish EMDR page yet: not linked to English
