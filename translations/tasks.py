"""Celery tasks of the translation workflow. They take row ids only."""

import logging

from celery import shared_task
from django.db import transaction

from translations import notifications

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def notify_translators(pending_update_ids):
    return notifications.notify(pending_update_ids)


def queue_notification(pending_update_ids):
    """Queue the e-mails once the publication has committed. A broker outage
    loses only the e-mail: the dashboard queue still lists the update."""

    def send():
        try:
            notify_translators.delay(list(pending_update_ids))
        except Exception:
            logger.warning("Could not queue translator e-mails for %s updates", len(pending_update_ids),
                           exc_info=True)

    transaction.on_commit(send)
