"""Publish demo translations through wagtail-localize, as a translator would.

The demo's Spanish and Polish content is kept as phrasebooks: English source
string -> translation. Feeding them through wagtail-localize's own PO import
keeps the demo's translations editable in the translation editor afterwards.
"""

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource


class MissingDemoTranslation(Exception):
    pass


def publish_translation(instance, language_code, phrasebook, user=None):
    """Create and publish ``instance`` in ``language_code``; skip if it exists.

    Returns the translated object, or None when it already existed.
    """
    locale = Locale.objects.get(language_code=language_code)
    if instance.has_translation(locale):
        return None
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in phrasebook:
            entry.msgstr = phrasebook[entry.msgid]
        else:
            missing.append(entry.msgid)
    if missing:
        raise MissingDemoTranslation(
            f"No {language_code} demo translation for: " + "; ".join(repr(m) for m in missing)
        )
    translation.import_po(po, user=user)
    if isinstance(instance, DraftStateMixin):
        # save_target(publish=True) defers publishing to transaction.on_commit
        # with a page copy taken before any child page exists; publishing
        # here keeps the demo correct inside one transaction (and in tests).
        translation.save_target(user=user, publish=False)
        translated = instance.get_translation(locale)
        translated.get_latest_revision().publish(user=user)
    else:
        translation.save_target(user=user, publish=True)  # snippets without drafts
        translated = instance.get_translation(locale)
    return translated
