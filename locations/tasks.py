"""Celery tasks for inquiries. They take outbox ids only, never content."""

from celery import shared_task

from locations import notifications, retention


@shared_task(ignore_result=True)
def deliver_notice(notice_id):
    """Send one inquiry e-mail; on failure, queue the next try."""
    outcome, delay = notifications.deliver(int(notice_id))
    if outcome == notifications.RETRY:
        notifications.queue_delivery(int(notice_id), countdown=delay)
    return outcome


@shared_task(ignore_result=True)
def requeue_due_notices():
    """Every minute (beat): queue e-mails whose task was lost."""
    return notifications.requeue_due()


@shared_task(ignore_result=True)
def delete_expired_inquiries():
    """Daily (beat): delete inquiries past INQUIRY_RETENTION_DAYS."""
    return retention.delete_expired()
