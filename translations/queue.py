"""Each language's translation queue: what is untranslated, in progress and
out of date, for the dashboard panel."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.urls import reverse
from django.utils.text import capfirst
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation

from portal.roles import LANGUAGE_NAMES
from translations.models import PendingUpdate

SHOWN = 10  # rows per list; the panel says how many more there are


@dataclass
class Item:
    title: str
    url: str
    detail: str = ""


@dataclass
class LanguageQueue:
    locale: Locale
    name: str
    untranslated: list = field(default_factory=list)
    untranslated_count: int = 0
    in_progress: list = field(default_factory=list)
    out_of_date: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.untranslated_count or self.in_progress or self.out_of_date)


def change_summary(update):
    parts = []
    for count, singular, plural in (
        (update.segments_added, "segment added", "segments added"),
        (update.segments_changed, "changed", "changed"),
        (update.segments_removed, "removed", "removed"),
    ):
        if count:
            parts.append(f"{count} {singular if count == 1 else plural}")
    return ", ".join(parts) + f" since {update.english_changed_at:%-d %b %Y}"


def untranslated_pages(locale):
    """Live English pages with no real translation (aliases do not count)."""
    translated = Page.objects.filter(locale=locale, alias_of__isnull=True).values("translation_key")
    return (
        Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1, alias_of__isnull=True)
        .exclude(translation_key__in=translated)
        .order_by("path")
    )


def untranslated_snippets(locale):
    """English translatable snippets (crisis notice, topics, image
    descriptions) with no translation in ``locale``: (model, queryset)."""
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            translated = model.objects.filter(locale=locale).values("translation_key")
            yield model, (
                model.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
                .exclude(translation_key__in=translated).order_by("pk")
            )


def queue_for(locale):
    finder = AdminURLFinder()
    queue = LanguageQueue(locale=locale, name=LANGUAGE_NAMES.get(locale.language_code, locale.language_code))

    pending = list(PendingUpdate.objects.filter(locale=locale).select_related("source"))
    for update in pending:
        target = update.source.get_translated_instance(locale)
        queue.out_of_date.append(Item(update.source.object_repr, finder.get_edit_url(target) or "",
                                      change_summary(update)))

    pending_sources = {update.source_id for update in pending}
    translations = (
        Translation.objects.filter(target_locale=locale, enabled=True)
        .exclude(source_id__in=pending_sources)
        .select_related("source")
    )
    for translation in translations:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # deleted: nothing to do
            continue
        if isinstance(target, Page) and (not target.live or target.has_unpublished_changes):
            state = "draft, not live yet" if not target.live else "unpublished changes"
            queue.in_progress.append(Item(target.get_admin_display_title(), finder.get_edit_url(target) or "",
                                          state))
    select = f"?select_locale={locale.language_code}"
    untranslated = untranslated_pages(locale)
    queue.untranslated_count = untranslated.count()
    for page in untranslated[:SHOWN]:
        queue.untranslated.append(Item(
            page.get_admin_display_title(),
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]) + select,
        ))
    for model, snippets in untranslated_snippets(locale):
        queue.untranslated_count += snippets.count()
        for snippet in snippets[:max(0, SHOWN - len(queue.untranslated))]:
            queue.untranslated.append(Item(
                f"{capfirst(model._meta.verbose_name)}: {snippet}",
                reverse("wagtail_localize:submit_snippet_translation",
                        args=[model._meta.app_label, model._meta.model_name, snippet.pk]) + select,
            ))
    return queue


def queues_for(languages):
    locales = Locale.objects.filter(language_code__in=languages).exclude(language_code=settings.LANGUAGE_CODE)
    return [queue_for(locale) for locale in locales.order_by("language_code")]
