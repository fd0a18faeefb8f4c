"""The outbox (InquiryNotice): each e-mail an inquiry causes, sent once.

Every step is safe to repeat, because Celery may run a task twice and the
minute sweep re-queues anything that looks stuck:

- ``claim()`` turns a due row into "sending" with a lease in one conditional
  UPDATE, so only one worker sends it at a time;
- ``deliver()`` sends it and marks it sent; on failure it waits a growing,
  jittered delay, and after NOTIFICATION_MAX_ATTEMPTS it is marked failed
  and shows in the admin;
- ``due_ids()`` finds rows that are due but have probably lost their task
  (the broker was down, or a worker died holding the lease);
- ``make_due_again()`` is staff's "send again".

Queueing the tasks is ``inquiries.tasks``' business. Only ids, kinds and
error class names reach the logs.
"""

import datetime
import logging
import random
import smtplib

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from inquiries.emails import NoRecipient, compose
from inquiries.encryption import UndecryptableInquiry
from inquiries.models import InquiryNotice

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY_SECONDS = 3600
# A new row's own task is normally on its way; the sweep leaves it this long.
SWEEP_GRACE_SECONDS = 30
SWEEP_BATCH = 1000

SENT, SKIPPED, RETRY, FAILED = "sent", "skipped", "retry", "failed"


def claim(notice_id, now=None):
    """Take the row if it is due: pending and its time has come, or being
    sent by a worker whose lease ran out. Returns the row, or None."""
    now = now or timezone.now()
    due = Q(status=InquiryNotice.Status.PENDING, next_attempt_at__lte=now) | Q(
        status=InquiryNotice.Status.SENDING, lease_until__lt=now
    )
    taken = InquiryNotice.objects.filter(due, pk=notice_id).update(
        status=InquiryNotice.Status.SENDING,
        lease_until=now + datetime.timedelta(seconds=settings.NOTIFICATION_LEASE_SECONDS),
        attempts=F("attempts") + 1,
    )
    if not taken:
        return None
    notice = InquiryNotice.objects.select_related("inquiry").get(pk=notice_id)
    if notice.attempts > settings.NOTIFICATION_MAX_ATTEMPTS:
        # Every worker holding it died (killed, out of memory): stop and show it.
        finish(notice, InquiryNotice.Status.FAILED, last_error="worker lost too often")
        logger.error("Inquiry e-mail %s (%s) failed: its workers kept dying", notice.pk, notice.kind)
        return None
    return notice


def is_permanent(error):
    """Errors that no retry will cure: an address that cannot be encoded, a
    stored value no key can decrypt, or a server answering 5xx (no such
    mailbox, refused) for every recipient."""
    if isinstance(error, (UnicodeError, ValueError, UndecryptableInquiry)):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def retry_delay(attempts):
    """Exponential backoff with jitter: about base, 2x base, 4x base... capped."""
    ceiling = min(MAX_RETRY_DELAY_SECONDS, settings.NOTIFICATION_RETRY_SECONDS * 2 ** max(attempts - 1, 0))
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def deliver(notice_id):
    """Send one outbox row. Returns (outcome, seconds until the retry or None)."""
    notice = claim(notice_id)
    if notice is None:
        return SKIPPED, None
    try:
        compose(notice).send(fail_silently=False)
    except NoRecipient as problem:
        finish(notice, InquiryNotice.Status.FAILED, last_error=str(problem))
        logger.error("Inquiry e-mail %s (%s) failed: %s", notice.pk, notice.kind, problem)
        return FAILED, None
    except Exception as error:  # SMTP, network, time limit: all mean "try again later"
        name = type(error).__name__
        if is_permanent(error) or notice.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            finish(notice, InquiryNotice.Status.FAILED, last_error=name)
            logger.error("Inquiry e-mail %s (%s) failed after %s attempts (%s)",
                         notice.pk, notice.kind, notice.attempts, name)
            return FAILED, None
        delay = retry_delay(notice.attempts)
        finish(notice, InquiryNotice.Status.PENDING, last_error=name,
               next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay))
        logger.warning("Inquiry e-mail %s (%s) attempt %s failed (%s); retrying in %.0f s",
                       notice.pk, notice.kind, notice.attempts, name, delay)
        return RETRY, delay
    finish(notice, InquiryNotice.Status.SENT, sent_at=timezone.now(), last_error="")
    logger.info("Inquiry e-mail %s (%s) sent", notice.pk, notice.kind)
    return SENT, None


def finish(notice, status, **fields):
    """Record the result, but only while we still hold our own lease: a worker
    that overran it must not overwrite what the worker that took over recorded."""
    updated = InquiryNotice.objects.filter(
        pk=notice.pk, status=InquiryNotice.Status.SENDING, lease_until=notice.lease_until
    ).update(status=status, lease_until=None, **fields)
    if not updated:
        logger.warning("Inquiry e-mail %s: lease lost before recording %s", notice.pk, status)
    return bool(updated)


def due_ids(grace_seconds=SWEEP_GRACE_SECONDS):
    """Rows that are due and have probably lost their task."""
    now = timezone.now()
    due = InquiryNotice.objects.filter(
        Q(status=InquiryNotice.Status.PENDING,
          next_attempt_at__lte=now - datetime.timedelta(seconds=grace_seconds))
        | Q(status=InquiryNotice.Status.SENDING, lease_until__lt=now)
    ).order_by("next_attempt_at").values_list("pk", flat=True)[:SWEEP_BATCH]
    return list(due)


def make_due_again(inquiry):
    """Staff's "send again": failed and waiting e-mails of this inquiry are
    due now (sent ones stay sent). Returns their ids, to be queued."""
    notices = inquiry.notices.filter(
        status__in=[InquiryNotice.Status.FAILED, InquiryNotice.Status.PENDING]
    )
    ids = list(notices.values_list("pk", flat=True))
    now = timezone.now()
    notices.update(status=InquiryNotice.Status.PENDING, attempts=0, next_attempt_at=now, waiting_since=now)
    return ids
