"""The e-mails an inquiry causes: what they say, and how the outbox sends
them once, retries, gives up visibly, and is swept when a task is lost."""

import datetime
import logging

import pytest
from django.test import Client
from django.utils import timezone
from tests.locations.inquiries import VISITOR, answers, office

from locations import notifications, retention
from locations.models import Inquiry, InquiryNotice

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(client, demo_site):
    client.post("/es/locations/naperville/", answers(office("naperville", "es"), preferred_language="es"))
    return Inquiry.objects.get()


def notice(inquiry, kind):
    return inquiry.notices.get(kind=kind)


def assert_no_personal_data(message):
    text = f"{message['Subject']}\n{message.get_content()}"
    for secret in (VISITOR["name"], "Zuzanna", VISITOR["email"], "555-0142", "0142", "teen", "child"):
        assert secret not in text, f"{secret!r} leaked into an e-mail"


def test_staff_notice_names_office_and_reference_and_links_to_the_admin(inquiry, smtp_sink):
    assert notifications.deliver(notice(inquiry, "staff").pk) == (notifications.SENT, None)

    [message] = smtp_sink.wait_for(1)
    assert message["To"] == "intake-naperville@example.org"
    assert message["Subject"] == f"New inquiry for Naperville ({inquiry.reference})"
    assert f"http://testserver/admin/inquiries/inspect/{inquiry.pk}/" in message.get_content()
    assert message["Message-ID"] == f"<inquiry-notice-{notice(inquiry, 'staff').pk}@testserver>"
    assert_no_personal_data(message)


def test_visitor_confirmation_is_generic_and_in_their_language(inquiry, smtp_sink):
    notifications.deliver(notice(inquiry, "visitor").pk)

    [message] = smtp_sink.wait_for(1)
    assert message["To"] == VISITOR["email"]
    assert message["Subject"] == "Hemos recibido su mensaje"
    assert "988" in message.get_content()
    assert "Naperville" not in message["Subject"]  # neutral: nothing about where or why
    assert_no_personal_data(message)


def test_a_row_is_sent_once_however_often_its_task_runs(inquiry, smtp_sink):
    staff = notice(inquiry, "staff").pk
    outcomes = [notifications.deliver(staff)[0] for _ in range(5)]

    assert outcomes == ["sent", "skipped", "skipped", "skipped", "skipped"]
    assert len(smtp_sink.wait_for(1)) == 1
    assert InquiryNotice.objects.get(pk=staff).status == "sent"


def test_a_row_held_by_a_live_lease_is_not_taken_but_an_expired_one_is(inquiry):
    staff = notice(inquiry, "staff").pk
    assert notifications.claim(staff) is not None  # a worker holds it now
    assert notifications.claim(staff) is None

    later = timezone.now() + datetime.timedelta(minutes=10)  # its worker died long ago
    taken = notifications.claim(staff, now=later)
    assert taken is not None and taken.attempts == 2


def test_smtp_refusal_waits_with_growing_delays_then_fails_visibly(inquiry, smtp_sink, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 4
    smtp_sink.refusing = True
    staff = notice(inquiry, "staff").pk
    delays = []
    for _attempt in range(3):
        InquiryNotice.objects.filter(pk=staff).update(next_attempt_at=timezone.now())
        outcome, delay = notifications.deliver(staff)
        assert outcome == "retry"
        delays.append(delay)
        row = InquiryNotice.objects.get(pk=staff)
        assert row.status == "pending" and row.last_error == "SMTPDataError"
        assert row.next_attempt_at > timezone.now()
    base = settings.NOTIFICATION_RETRY_SECONDS
    assert base / 2 <= delays[0] <= base and base <= delays[1] <= 2 * base and 2 * base <= delays[2] <= 4 * base

    InquiryNotice.objects.filter(pk=staff).update(next_attempt_at=timezone.now())
    assert notifications.deliver(staff)[0] == "failed"
    assert InquiryNotice.objects.get(pk=staff).status == "failed"

    smtp_sink.refusing = False
    assert notifications.send_again(Inquiry.objects.get()) == 2  # the visitor's one was waiting too
    assert notifications.deliver(staff)[0] == "sent"
    assert len(smtp_sink.wait_for(1)) == 1


@pytest.mark.parametrize(
    "address", ["nobody@\u3000.com", "bounce@example.com"], ids=["unencodable", "refused-550"]
)
def test_an_address_no_retry_can_cure_fails_at_once(inquiry, smtp_sink, address):
    Inquiry.objects.filter(pk=inquiry.pk).update(email=address)  # as if it got past the form
    smtp_sink.refuse_recipients = {"bounce@example.com"}

    outcome, _delay = notifications.deliver(notice(inquiry, "visitor").pk)

    assert outcome == "failed" and notice(inquiry, "visitor").attempts == 1
    assert smtp_sink.snapshot() == []


def test_an_office_without_any_intake_address_fails_visibly(inquiry, smtp_sink):
    from locations.models import LocationPage
    from portal.models import SiteSettings

    LocationPage.objects.update(intake_email="")
    SiteSettings.objects.update(default_intake_email="")

    assert notifications.deliver(notice(inquiry, "staff").pk)[0] == "failed"
    assert notice(inquiry, "staff").last_error.startswith("no intake e-mail address")
    assert smtp_sink.snapshot() == []


def test_the_sweep_queues_rows_that_lost_their_task_and_leaves_fresh_and_sent_ones(inquiry, client):
    staff, visitor = notice(inquiry, "staff"), notice(inquiry, "visitor")
    assert notifications.requeue_due() == 0  # both fresh: their own tasks are on the way

    long_ago = timezone.now() - datetime.timedelta(minutes=5)
    InquiryNotice.objects.filter(pk=staff.pk).update(next_attempt_at=long_ago)
    InquiryNotice.objects.filter(pk=visitor.pk).update(status="sending", lease_until=long_ago)
    assert notifications.requeue_due() == 2

    InquiryNotice.objects.update(status="sent")
    assert notifications.requeue_due() == 0


def test_retention_deletes_old_inquiries_and_their_rows_and_logs_counts_only(inquiry, caplog, settings):
    settings.INQUIRY_RETENTION_DAYS = 90
    Inquiry.objects.filter(pk=inquiry.pk).update(created_at=timezone.now() - datetime.timedelta(days=91))
    Client().post("/locations/aurora/", answers(office("aurora")))  # a recent one stays

    with caplog.at_level(logging.INFO, logger="locations"):
        assert retention.delete_expired() == (1, 2)

    assert list(Inquiry.objects.values_list("office_name", flat=True)) == ["Aurora"]
    assert InquiryNotice.objects.filter(inquiry_id=inquiry.pk).count() == 0
    assert "deleted 1 inquiries and 2 e-mail records older than 90 days" in caplog.text
    assert inquiry.reference not in caplog.text


def test_nothing_personal_reaches_the_logs(client, demo_site, smtp_sink, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post("/locations/naperville/", answers(office()))
        client.post("/locations/naperville/", answers(office(), phone="12345"))  # invalid
        for row in InquiryNotice.objects.all():
            notifications.deliver(row.pk)
        smtp_sink.refusing = True
        client.post("/locations/aurora/", answers(office("aurora")))
        for row in InquiryNotice.objects.filter(status="pending"):
            notifications.deliver(row.pk)

    # Everything the portal, Django and Celery logged; "mail.log" is the
    # test's SMTP sink (the receiving mail server), which must see the address.
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}"
        for record in caplog.records if record.name != "mail.log"
    )
    assert "Inquiry" in logged  # the portal did log its steps, by id
    for secret in (VISITOR["name"], "Zuzanna", VISITOR["email"], "555-0142", "0142"):
        assert secret not in logged


def test_healthz_reports_the_oldest_waiting_email_and_fails_past_the_threshold(inquiry, client, settings):
    settings.NOTIFICATION_MAX_PENDING_AGE = 600
    body = client.get("/healthz/").json()
    assert body["oldest_pending_notification_seconds"] < 60
    assert body["checks"]["notifications"] == "ok"

    InquiryNotice.objects.filter(kind="visitor").update(waiting_since=timezone.now() - datetime.timedelta(days=1))
    assert client.get("/healthz/").status_code == 200  # a visitor's confirmation does not count

    InquiryNotice.objects.update(waiting_since=timezone.now() - datetime.timedelta(minutes=20))
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json()["oldest_pending_notification_seconds"] >= 1200
    assert "notifications" in response.json()["failing"]

    InquiryNotice.objects.update(status="sent")
    assert client.get("/healthz/").json()["oldest_pending_notification_seconds"] == 0


def test_error_reports_hide_the_posted_form(client, demo_site):
    """Were the view ever to fail, Django's error report would not show the answers."""
    from django.views.debug import SafeExceptionReporterFilter

    response = client.post("/locations/naperville/", answers(office(), phone="12345"))

    cleansed = SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)
    assert set(cleansed) >= {"name", "email", "phone"}
    assert set(cleansed.values()) == {SafeExceptionReporterFilter.cleansed_substitute}


def test_beat_runs_the_sweep_every_minute_and_retention_daily(settings):
    from portal.celery import app

    app.loader.import_default_modules()
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["locations.tasks.requeue_due_notices"] == 60.0
    retention_schedule = schedule["locations.tasks.delete_expired_inquiries"]
    assert retention_schedule.hour == {3} and retention_schedule.minute == {30}
    assert {"locations.tasks.requeue_due_notices", "locations.tasks.delete_expired_inquiries",
            "locations.tasks.deliver_notice"} <= set(app.tasks)


def test_a_worker_that_overran_its_lease_cannot_overwrite_the_one_that_took_over(inquiry):
    staff = notice(inquiry, "staff").pk
    slow = notifications.claim(staff)
    later = timezone.now() + datetime.timedelta(minutes=10)
    fresh = notifications.claim(staff, now=later)

    assert notifications._finish(slow, "pending", last_error="SMTPServerDisconnected") is False
    assert notifications._finish(fresh, "sent", sent_at=timezone.now()) is True
    assert InquiryNotice.objects.get(pk=staff).status == "sent"


def test_a_row_whose_workers_keep_dying_ends_failed(inquiry, settings):
    staff = notice(inquiry, "staff").pk
    expired = timezone.now() - datetime.timedelta(minutes=1)
    InquiryNotice.objects.filter(pk=staff).update(
        status="sending", lease_until=expired, attempts=settings.NOTIFICATION_MAX_ATTEMPTS
    )

    assert notifications.deliver(staff) == (notifications.SKIPPED, None)
    row = InquiryNotice.objects.get(pk=staff)
    assert (row.status, row.last_error) == ("failed", "worker lost too often")


def test_inquiries_are_not_listed_as_uses_of_office_pages(inquiry):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    assert not ReferenceIndex.objects.filter(content_type=ContentType.objects.get_for_model(Inquiry)).exists()
