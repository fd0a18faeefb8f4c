"""Celery tasks for inquiries. They take outbox ids only, never content."""

import logging

from celery import shared_task

from inquiries import outbox, retention

logger = logging.getLogger(__name__)


@shared_task(ignore_result=True)
def deliver_notice(notice_id):
    """Send one inquiry e-mail; on failure, queue the next try."""
    outcome, delay = outbox.deliver(int(notice_id))
    if outcome == outbox.RETRY:
        queue_delivery(int(notice_id), countdown=delay)
    return outcome


@shared_task(ignore_result=True)
def requeue_due_notices():
    """Every minute (beat): queue e-mails whose task was lost."""
    ids = outbox.due_ids()
    queued = sum(queue_delivery(notice_id) for notice_id in ids)
    if ids:
        logger.info("Sweep: %s inquiry e-mails were due, %s queued", len(ids), queued)
    return queued


@shared_task(ignore_result=True)
def delete_expired_inquiries():
    """Daily (beat): delete inquiries past INQUIRY_RETENTION_DAYS."""
    return retention.delete_expired()


def queue_delivery(notice_id, countdown=None):
    """Publish ``deliver_notice``. A broker outage is logged, not raised: the
    row stays pending and the minute sweep queues it again."""
    try:
        # The short CELERY_TASK_PUBLISH_RETRY_POLICY bounds the wait on a dead
        # broker (retry=False is slower: kombu then waits out its own connect
        # timeout); whatever is not queued, the sweep queues.
        deliver_notice.apply_async((notice_id,), countdown=countdown)
    except Exception as error:  # kombu raises several kinds; all mean "not queued"
        logger.warning("Inquiry e-mail %s not queued (%s); the sweep will queue it",
                       notice_id, type(error).__name__)
        return False
    return True
