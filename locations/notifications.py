"""Sending the e-mails an inquiry causes, from the outbox (InquiryNotice).

Every step is safe to repeat, because Celery may run a task twice and the
minute sweep re-queues anything that looks stuck:

- ``claim()`` turns a due row into "sending" with a lease in one conditional
  UPDATE, so only one worker sends it at a time;
- ``deliver()`` sends it and marks it sent; on failure it waits a growing,
  jittered delay, and after NOTIFICATION_MAX_ATTEMPTS it is marked failed
  and shows in the admin;
- ``requeue_due()`` queues rows that are due but have no task (the broker
  was down, or a worker died holding the lease).

Only outbox ids travel through the broker, and only ids, kinds and error
class names reach the logs. E-mails name the office and the reference,
never the visitor or their reasons.
"""

import datetime
import logging
import random
import smtplib
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from locations.models import InquiryNotice, LocationPage
from portal.models import SiteSettings

logger = logging.getLogger(__name__)

MAX_RETRY_DELAY_SECONDS = 3600
# A new row's own task is normally on its way; the sweep leaves it this long.
SWEEP_GRACE_SECONDS = 30
SWEEP_BATCH = 1000

SENT, SKIPPED, RETRY, FAILED = "sent", "skipped", "retry", "failed"


class NoRecipient(Exception):
    pass


def queue_delivery(notice_id, countdown=None):
    """Publish the delivery task. A broker outage is logged, not raised:
    the row stays pending and the minute sweep queues it again."""
    from locations.tasks import deliver_notice

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
        _finish(notice, InquiryNotice.Status.FAILED, last_error="worker lost too often")
        logger.error("Inquiry e-mail %s (%s) failed: its workers kept dying", notice.pk, notice.kind)
        return None
    return notice


def is_permanent(error):
    """Errors that no retry will cure: an address that cannot be encoded, or
    a server answering 5xx (no such mailbox, refused) for every recipient."""
    if isinstance(error, (UnicodeError, ValueError)):
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
        _finish(notice, InquiryNotice.Status.FAILED, last_error=str(problem))
        logger.error("Inquiry e-mail %s (%s) failed: %s", notice.pk, notice.kind, problem)
        return FAILED, None
    except Exception as error:  # SMTP, network, time limit: all mean "try again later"
        name = type(error).__name__
        if is_permanent(error) or notice.attempts >= settings.NOTIFICATION_MAX_ATTEMPTS:
            _finish(notice, InquiryNotice.Status.FAILED, last_error=name)
            logger.error("Inquiry e-mail %s (%s) failed after %s attempts (%s)",
                         notice.pk, notice.kind, notice.attempts, name)
            return FAILED, None
        delay = retry_delay(notice.attempts)
        _finish(notice, InquiryNotice.Status.PENDING, last_error=name,
                next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay))
        logger.warning("Inquiry e-mail %s (%s) attempt %s failed (%s); retrying in %.0f s",
                       notice.pk, notice.kind, notice.attempts, name, delay)
        return RETRY, delay
    _finish(notice, InquiryNotice.Status.SENT, sent_at=timezone.now(), last_error="")
    logger.info("Inquiry e-mail %s (%s) sent", notice.pk, notice.kind)
    return SENT, None


def _finish(notice, status, **fields):
    # Only while we still hold our own lease: a worker that overran it must
    # not overwrite what the worker that took over has recorded.
    updated = InquiryNotice.objects.filter(
        pk=notice.pk, status=InquiryNotice.Status.SENDING, lease_until=notice.lease_until
    ).update(status=status, lease_until=None, **fields)
    if not updated:
        logger.warning("Inquiry e-mail %s: lease lost before recording %s", notice.pk, status)
    return bool(updated)


def requeue_due(grace_seconds=SWEEP_GRACE_SECONDS):
    """Queue every row that is due and has probably lost its task."""
    now = timezone.now()
    due = InquiryNotice.objects.filter(
        Q(status=InquiryNotice.Status.PENDING,
          next_attempt_at__lte=now - datetime.timedelta(seconds=grace_seconds))
        | Q(status=InquiryNotice.Status.SENDING, lease_until__lt=now)
    ).order_by("next_attempt_at").values_list("pk", flat=True)[:SWEEP_BATCH]
    ids = list(due)
    queued = sum(queue_delivery(notice_id) for notice_id in ids)
    if ids:
        logger.info("Sweep: %s inquiry e-mails were due, %s queued", len(ids), queued)
    return queued


def send_again(inquiry):
    """Staff's "send again": failed and waiting e-mails of this inquiry are
    due now. Sent ones stay sent."""
    notices = inquiry.notices.filter(
        status__in=[InquiryNotice.Status.FAILED, InquiryNotice.Status.PENDING]
    )
    ids = list(notices.values_list("pk", flat=True))
    now = timezone.now()
    notices.update(status=InquiryNotice.Status.PENDING, attempts=0, next_attempt_at=now, waiting_since=now)
    for notice_id in ids:
        queue_delivery(notice_id)
    return len(ids)


# -- the e-mails ------------------------------------------------------------------------


def compose(notice):
    if notice.kind == InquiryNotice.Kind.STAFF:
        return staff_notice(notice)
    return visitor_confirmation(notice)


def _message(notice, subject, body, to):
    message = EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])
    # The same id on every try lets mail systems drop a copy sent twice.
    domain = urlsplit(settings.WAGTAILADMIN_BASE_URL or "http://localhost").hostname or "localhost"
    message.extra_headers["Message-ID"] = f"<inquiry-notice-{notice.pk}@{domain}>"
    return message


def _default_site_settings():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return SiteSettings.for_site(site) if site else None


def intake_address(inquiry):
    office = None
    if inquiry.office_key:
        office = (
            LocationPage.objects.filter(translation_key=inquiry.office_key)
            .exclude(intake_email="").only("intake_email").first()
        )
    if office is not None:
        return office.intake_email
    site_settings = _default_site_settings()
    if site_settings and site_settings.default_intake_email:
        return site_settings.default_intake_email
    raise NoRecipient("no intake e-mail address is set for this office or the site")


def staff_notice(notice):
    inquiry = notice.inquiry
    link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("inquiries:inspect", args=[inquiry.pk])
    context = {"inquiry": inquiry, "where": inquiry.where, "link": link}
    subject = f"New inquiry for {inquiry.where} ({inquiry.reference})"
    body = render_to_string("locations/email/staff_notice.txt", context)
    return _message(notice, subject, body, intake_address(inquiry))


def visitor_confirmation(notice):
    inquiry = notice.inquiry
    if not inquiry.email:
        raise NoRecipient("the visitor gave no e-mail address")
    site_settings = _default_site_settings()
    with translation.override(inquiry.language):
        subject = _("We have received your message")
        body = render_to_string(
            "locations/email/visitor_confirmation.txt",
            {"site_settings": site_settings},
        )
    return _message(notice, subject, body, inquiry.email)
