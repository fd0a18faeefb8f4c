"""English publications sync their translations' sources; translated
publications clear the out-of-date mark (connected in apps.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, TranslatableMixin
from wagtail.signals import page_published

from translations import tasks, updates
from translations.models import PendingUpdate


def page_went_live(sender, instance, revision=None, **kwargs):
    user = revision.user if revision is not None else None
    if updates.is_english(instance):
        changed = updates.sync_from_english(instance, user=user)
        if changed:
            tasks.queue_notification([update.pk for update in changed])
    else:
        updates.translation_published(instance)


def snippet_saved(sender, instance, raw=False, **kwargs):
    # Pages are handled on publication; snippets without drafts are live
    # as soon as they are saved.
    if raw or not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    if not hasattr(instance, "snippet_viewset"):
        return  # inline children (office closures) travel with their page
    page_went_live(sender, instance)


def pending_update_changed(sender, instance, **kwargs):
    updates.forget_out_of_date_keys(instance.locale_id)


def connect():
    page_published.connect(page_went_live, dispatch_uid="translations-on-publish")
    post_save.connect(snippet_saved, dispatch_uid="translations-on-snippet-save")
    post_save.connect(pending_update_changed, sender=PendingUpdate, dispatch_uid="translations-forget-on-save")
    post_delete.connect(pending_update_changed, sender=PendingUpdate, dispatch_uid="translations-forget-on-delete")
