"""Renditions are made by the Celery worker when a page goes live
(connected in apps.py); portal/image_forms.py queues them when an image's
file is replaced."""

from wagtail.signals import page_published

from portal import tasks


def page_went_live(sender, instance, **kwargs):
    tasks.queue_after_commit(tasks.make_page_renditions, instance.pk)


def connect():
    page_published.connect(page_went_live, dispatch_uid="renditions-on-publish")
