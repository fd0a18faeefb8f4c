"""Renditions are made by the Celery worker when a page goes live
(connected in apps.py); portal/image_forms.py queues them when an image's
file is replaced. An image's description becomes its English
``ImageDescription``, which translators translate (portal/alt_text.py).
Whatever visitors could see changing purges the page cache (portal/page_cache.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.images.models import AbstractImage
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal import alt_text, page_cache, tasks
from portal.models import CustomImage, ImageDescription


def page_went_live(sender, instance, **kwargs):
    tasks.queue_after_commit(tasks.make_page_renditions, instance.pk)


def image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        alt_text.keep_english_description(instance)


def description_changed(sender, instance, **kwargs):
    alt_text.forget(instance.locale.language_code)


# Models whose rows pages show: snippets (crisis notice, topics, alt text),
# settings, images and sites. Pages have their own signals; inquiries and
# renditions (made while pages render) are not among these.
SHOWN_ON_PAGES = (TranslatableMixin, BaseSiteSetting, BaseGenericSetting, AbstractImage, Site)


def content_changed(sender, raw=False, **kwargs):
    if not raw and issubclass(sender, SHOWN_ON_PAGES) and not issubclass(sender, Page):
        page_cache.purge_after_commit()


def page_deleted(sender, **kwargs):
    if issubclass(sender, Page):
        page_cache.purge_after_commit()


def connect():
    page_published.connect(page_cache.purge_after_commit, dispatch_uid="page-cache-purge-on-publish")
    page_unpublished.connect(page_cache.purge_after_commit, dispatch_uid="page-cache-purge-on-unpublish")
    post_page_move.connect(page_cache.purge_after_commit, dispatch_uid="page-cache-purge-on-move")
    post_save.connect(content_changed, dispatch_uid="page-cache-purge-on-save")
    post_delete.connect(content_changed, dispatch_uid="page-cache-purge-on-delete")
    post_delete.connect(page_deleted, dispatch_uid="page-cache-purge-on-page-delete")
    page_published.connect(page_went_live, dispatch_uid="renditions-on-publish")
    post_save.connect(image_saved, sender=CustomImage, dispatch_uid="english-image-description")
    post_save.connect(description_changed, sender=ImageDescription, dispatch_uid="alt-text-forget-on-save")
    post_delete.connect(description_changed, sender=ImageDescription, dispatch_uid="alt-text-forget-on-delete")
