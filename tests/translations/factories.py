"""Translations made as translators make them: through wagtail-localize's
source, strings and PO import, so that syncing and the queue apply."""

from wagtail.models import DraftStateMixin
from wagtail_localize.models import Translation, TranslationSource

from tests.portal.factories import locale


def in_spanish(text):
    return f"ES {text}"


def translate_through_localize(instance, language_code, translate_text=in_spanish, publish=True):
    """``instance`` translated into ``language_code``, every segment worded
    by ``translate_text``, and published. Returns the translated object."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale(language_code), defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translate_text(entry.msgid)
    translation.import_po(po)
    if isinstance(instance, DraftStateMixin):
        translation.save_target(publish=False)
        translated = instance.get_translation(locale(language_code))
        if publish:
            translated.get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return instance.get_translation(locale(language_code)).specific if hasattr(instance, "specific") \
        else instance.get_translation(locale(language_code))


def translate_remaining(translated, translate_text=in_spanish):
    """Word every untranslated segment of ``translated`` (a translation of
    an English page or snippet) and publish it, as the translator does."""
    translation = Translation.objects.get(
        source__object_id=translated.translation_key, target_locale_id=translated.locale_id
    )
    po = translation.export_po()
    for entry in po:
        if not entry.msgstr:
            entry.msgstr = translate_text(entry.msgid)
    translation.import_po(po)
    if isinstance(translated, DraftStateMixin):
        translation.save_target(publish=False)
        type(translated).objects.get(pk=translated.pk).get_latest_revision().publish()
    else:
        translation.save_target(publish=True)
    return translation
