"""Site-wide periodic work run by Celery beat."""

import logging

from celery import shared_task
from django.core.management import call_command
from django.db import transaction

from portal import renditions

logger = logging.getLogger(__name__)


def queue_after_commit(task, object_id):
    """Send ``task`` once the current transaction has committed. If the
    broker is down the page or image is saved all the same: the renditions
    are then made by the first view, as Wagtail does by default."""

    def send():
        try:
            task.delay(object_id)
        except Exception:
            logger.warning("Could not queue %s for %s; renditions will be made on first view",
                           task.name, object_id, exc_info=True)

    transaction.on_commit(send)


@shared_task
def publish_scheduled_pages():
    """Publish pages whose "go live" time has come, unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)


@shared_task
def clear_expired_sessions():
    """Daily: delete expired sessions, so signed-in staff leave nothing behind."""
    call_command("clearsessions", verbosity=0)


@shared_task
def make_page_renditions(page_id):
    """After a page is published: every image size it shows, made now so
    that no visitor waits for one (portal/renditions.py)."""
    renditions.make_renditions_for_page(int(page_id))


@shared_task
def make_image_renditions(image_id):
    """After an image's file is replaced: its renditions again, in every size."""
    renditions.make_renditions_for_image(int(image_id))
