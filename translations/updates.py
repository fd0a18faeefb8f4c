"""Keep translations in step with English.

When English is published, its translation source is synced at once (so the
translation editor shows the new text) and every language whose translation
now lacks something gets a ``PendingUpdate`` with what changed. When only
facts changed (synchronised fields: phones, hours, names), live translations
take them straight away: a translator never retypes a phone number. A
translation is up to date again when it is published with every segment
translated.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import F
from django.utils import timezone
from wagtail.models import DraftStateMixin, TranslatableMixin
from wagtail_localize.models import StringSegment, TranslationSource

from translations.models import PendingUpdate


@dataclass(frozen=True)
class SegmentChanges:
    added: int = 0
    changed: int = 0
    removed: int = 0

    def __bool__(self):
        return bool(self.added or self.changed or self.removed)

    @classmethod
    def between(cls, before, after):
        """Compare two {segment path: text} maps."""
        return cls(
            added=len(after.keys() - before.keys()),
            changed=sum(1 for path in after.keys() & before.keys() if after[path] != before[path]),
            removed=len(before.keys() - after.keys()),
        )


def segment_texts(source):
    return dict(StringSegment.objects.filter(source=source).values_list("context__path", "string__data"))


def english_source(instance):
    """The translation source of ``instance``'s English original, if any
    translation was ever made from it."""
    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale__language_code=settings.LANGUAGE_CODE
    ).first()


def is_english(instance):
    return isinstance(instance, TranslatableMixin) and instance.locale.language_code == settings.LANGUAGE_CODE


def is_complete(translation):
    total, translated = translation.get_progress()
    return translated >= total


def is_live(instance):
    return instance.live if isinstance(instance, DraftStateMixin) else True


def sync_from_english(instance, user=None):
    """Sync the source of English ``instance`` after it was published.

    Returns the ``PendingUpdate`` rows created or grown, for notifying the
    translators of those languages.
    """
    source = english_source(instance)
    if source is None:
        return []
    translated_from = source.last_updated_at
    before = segment_texts(source)
    source.update_from_db()
    changes = SegmentChanges.between(before, segment_texts(source))
    pending = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # the translation was deleted
            continue
        existing = PendingUpdate.objects.filter(source=source, locale=translation.target_locale)
        if not changes:
            # Facts only (a phone, hours): a live translation takes them now,
            # with its text as it was. One still waiting for new English text
            # takes them when its translator publishes it.
            if is_live(target) and not existing.exists():
                translation.save_target(user=user, publish=True)
            continue
        if existing.exists():
            existing.update(
                segments_added=F("segments_added") + changes.added,
                segments_changed=F("segments_changed") + changes.changed,
                segments_removed=F("segments_removed") + changes.removed,
            )
            pending.append(existing.get())
        else:
            pending.append(PendingUpdate.objects.create(
                source=source,
                locale=translation.target_locale,
                english_changed_at=timezone.now(),
                translated_from=translated_from,
                segments_added=changes.added,
                segments_changed=changes.changed,
                segments_removed=changes.removed,
            ))
    return pending


def translation_published(instance):
    """A Spanish or Polish page or snippet was published: if every segment is
    translated, it is up to date with English again."""
    source = english_source(instance)
    if source is None:
        return
    translation = source.translations.filter(target_locale_id=instance.locale_id).first()
    if translation is not None and is_complete(translation):
        PendingUpdate.objects.filter(source=source, locale_id=instance.locale_id).delete()


def out_of_date_keys(locale_id):
    """Translation keys of the out-of-date objects in one language, cached
    so that pages which are up to date (nearly all) cost no query; the
    signal handlers forget it whenever a ``PendingUpdate`` comes or goes."""
    cache_key = f"translations:out-of-date:{locale_id}"
    keys = cache.get(cache_key)
    if keys is None:
        keys = {str(key) for key in PendingUpdate.objects.filter(locale_id=locale_id)
                .values_list("source__object_id", flat=True)}
        cache.set(cache_key, keys, None)
    return keys


def forget_out_of_date_keys(locale_id):
    cache.delete(f"translations:out-of-date:{locale_id}")


def pending_update_for(instance):
    """The ``PendingUpdate`` of a translated page or snippet, or None."""
    if not isinstance(instance, TranslatableMixin):
        return None
    if str(instance.translation_key) not in out_of_date_keys(instance.locale_id):
        return None
    return (
        PendingUpdate.objects.filter(source__object_id=instance.translation_key, locale_id=instance.locale_id)
        .first()
    )
