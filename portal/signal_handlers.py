"""Renditions are made by the Celery worker when a page goes live
(connected in apps.py); portal/image_forms.py queues them when an image's
file is replaced. An image's description becomes its English
``ImageDescription``, which translators translate (portal/alt_text.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from portal import alt_text, tasks
from portal.models import CustomImage, ImageDescription


def page_went_live(sender, instance, **kwargs):
    tasks.queue_after_commit(tasks.make_page_renditions, instance.pk)


def image_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        alt_text.keep_english_description(instance)


def description_changed(sender, instance, **kwargs):
    alt_text.forget(instance.locale.language_code)


def connect():
    page_published.connect(page_went_live, dispatch_uid="renditions-on-publish")
    post_save.connect(image_saved, sender=CustomImage, dispatch_uid="english-image-description")
    post_save.connect(description_changed, sender=ImageDescription, dispatch_uid="alt-text-forget-on-save")
    post_delete.connect(description_changed, sender=ImageDescription, dispatch_uid="alt-text-forget-on-delete")
