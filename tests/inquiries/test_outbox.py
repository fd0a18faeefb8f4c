"""The e-mails an inquiry causes: what they say, and how the outbox sends
them once, retries, gives up visibly, and is swept when a task is lost."""

import datetime
import logging
import re

import pytest
from django.test import Client
from django.utils import timezone

from inquiries import outbox, retention, tasks
from inquiries.models import Inquiry, InquiryLogEntry, InquiryNotice
from tests.inquiries.factories import VISITOR, InquiryFactory, NoticeFactory, answers
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(clinic):
    """A Spanish visitor's request to Naperville, with both e-mails waiting."""
    stored = InquiryFactory(office_page=clinic.offices["naperville"], language="es", preferred_language="es")
    NoticeFactory(inquiry=stored, kind="staff")
    NoticeFactory(inquiry=stored, kind="visitor")
    return stored


def notice(inquiry, kind):
    return inquiry.notices.get(kind=kind)


def assert_no_personal_data(message):
    text = f"{message['Subject']}\n{message['From']}\n{message.get_content()}"
    for secret in (VISITOR["name"], "Zuzanna", VISITOR["email"], "555-0142", "0142", "teen", "child"):
        assert secret not in text, f"{secret!r} leaked into an e-mail"


def test_staff_notice_names_office_and_reference_and_links_to_the_admin(inquiry, smtp_sink):
    assert outbox.deliver(notice(inquiry, "staff").pk) == (outbox.SENT, None)

    [message] = smtp_sink.wait_for(1)
    assert message["To"] == "intake-naperville@example.org"
    assert message["Subject"] == f"New inquiry for Naperville ({inquiry.reference})"
    assert f"http://testserver/admin/inquiries/inspect/{inquiry.pk}/" in message.get_content()
    assert_no_personal_data(message)


def test_message_ids_are_random_and_the_same_on_every_try(inquiry, smtp_sink):
    staff, visitor = notice(inquiry, "staff"), notice(inquiry, "visitor")
    smtp_sink.refusing = True
    outbox.deliver(staff.pk)  # refused: it will be tried again
    smtp_sink.refusing = False
    InquiryNotice.objects.filter(pk=staff.pk).update(next_attempt_at=timezone.now())
    outbox.deliver(staff.pk)
    outbox.deliver(visitor.pk)

    ids = [message["Message-ID"] for message in smtp_sink.wait_for(2)]
    assert ids == [f"<{staff.message_id}@testserver>", f"<{visitor.message_id}@testserver>"]
    for message_id in ids:
        # Nothing in it counts the site's e-mails or inquiries.
        assert not re.search(rf"\b({staff.pk}|{visitor.pk}|{inquiry.pk})\b", message_id.split("@")[0])
    assert staff.message_id != visitor.message_id


def test_visitor_confirmation_is_generic_in_their_language_from_a_neutral_sender(inquiry, smtp_sink):
    outbox.deliver(notice(inquiry, "visitor").pk)

    [message] = smtp_sink.wait_for(1)
    assert message["To"] == VISITOR["email"]
    assert message["Subject"] == "Hemos recibido su mensaje"
    assert message["From"] == "CARE <no-reply@localhost>"
    for header in ("From", "Subject"):
        assert "counsel" not in message[header].lower()  # a shared inbox learns nothing
    assert "988" in message.get_content()
    assert "Naperville" not in message["Subject"]  # neutral: nothing about where or why
    assert_no_personal_data(message)


def test_the_practice_chooses_the_confirmations_sender_name(inquiry, smtp_sink, clinic):
    clinic.settings.confirmation_sender_name = "Front desk"
    clinic.settings.save()

    outbox.deliver(notice(inquiry, "visitor").pk)

    [message] = smtp_sink.wait_for(1)
    assert message["From"] == "Front desk <no-reply@localhost>"
    assert "Front desk" in message.get_content()


def test_the_intake_address_comes_from_the_offices_own_record_not_a_translation(smtp_sink, clinic_in_three_languages):
    """The English office no longer has an address of its own; the Spanish page
    still carries the old one from before. The notice goes to the default."""
    spanish = clinic_in_three_languages.offices_in["es"]["naperville"]
    Client().post("/es/locations/naperville/", answers(spanish, preferred_language="es"))
    inquiry = Inquiry.objects.get()
    english = clinic_in_three_languages.offices["naperville"]
    english.intake_email = ""
    english.save_revision().publish()
    assert type(spanish).objects.get(pk=spanish.pk).intake_email == "intake-naperville@example.org"

    outbox.deliver(notice(inquiry, "staff").pk)

    [message] = smtp_sink.wait_for(1)
    assert message["To"] == "intake@example.org"


def test_a_row_is_sent_once_however_often_its_task_runs(inquiry, smtp_sink):
    staff = notice(inquiry, "staff").pk
    outcomes = [outbox.deliver(staff)[0] for _ in range(5)]

    assert outcomes == ["sent", "skipped", "skipped", "skipped", "skipped"]
    assert len(smtp_sink.wait_for(1)) == 1
    assert InquiryNotice.objects.get(pk=staff).status == "sent"


def test_a_row_held_by_a_live_lease_is_not_taken_but_an_expired_one_is(inquiry):
    staff = notice(inquiry, "staff").pk
    assert outbox.claim(staff) is not None  # a worker holds it now
    assert outbox.claim(staff) is None

    later = timezone.now() + datetime.timedelta(minutes=10)  # its worker died long ago
    taken = outbox.claim(staff, now=later)
    assert taken is not None and taken.attempts == 2


def test_smtp_refusal_waits_with_growing_delays_then_fails_visibly(inquiry, smtp_sink, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 4
    smtp_sink.refusing = True
    staff = notice(inquiry, "staff").pk
    delays = []
    for _attempt in range(3):
        InquiryNotice.objects.filter(pk=staff).update(next_attempt_at=timezone.now())
        outcome, delay = outbox.deliver(staff)
        assert outcome == "retry"
        delays.append(delay)
        row = InquiryNotice.objects.get(pk=staff)
        assert row.status == "pending" and row.last_error == "SMTPDataError"
        assert row.next_attempt_at > timezone.now()
    base = settings.NOTIFICATION_RETRY_SECONDS
    assert base / 2 <= delays[0] <= base and base <= delays[1] <= 2 * base and 2 * base <= delays[2] <= 4 * base

    InquiryNotice.objects.filter(pk=staff).update(next_attempt_at=timezone.now())
    assert outbox.deliver(staff)[0] == "failed"
    assert InquiryNotice.objects.get(pk=staff).status == "failed"

    smtp_sink.refusing = False
    assert len(outbox.make_due_again(Inquiry.objects.get())) == 2  # the visitor's one was waiting too
    assert outbox.deliver(staff)[0] == "sent"
    assert len(smtp_sink.wait_for(1)) == 1


@pytest.mark.parametrize(
    "address", ["nobody@\u3000.com", "bounce@example.com"], ids=["unencodable", "refused-550"]
)
def test_an_address_no_retry_can_cure_fails_at_once(inquiry, smtp_sink, address):
    Inquiry.objects.filter(pk=inquiry.pk).update(email=address)  # stored encrypted, as if it got past the form
    smtp_sink.refuse_recipients = {"bounce@example.com"}

    outcome, _delay = outbox.deliver(notice(inquiry, "visitor").pk)

    assert outcome == "failed" and notice(inquiry, "visitor").attempts == 1
    assert smtp_sink.snapshot() == []


def test_an_office_without_any_intake_address_fails_visibly(inquiry, smtp_sink, clinic):
    from locations.models import LocationPage

    LocationPage.objects.update(intake_email="")
    clinic.settings.default_intake_email = ""
    clinic.settings.save()

    assert outbox.deliver(notice(inquiry, "staff").pk)[0] == "failed"
    assert notice(inquiry, "staff").last_error.startswith("no intake e-mail address")
    assert smtp_sink.snapshot() == []


def test_the_sweep_finds_rows_that_lost_their_task_and_leaves_fresh_and_sent_ones(inquiry):
    staff, visitor = notice(inquiry, "staff"), notice(inquiry, "visitor")
    assert outbox.due_ids() == []  # both fresh: their own tasks are on the way

    long_ago = timezone.now() - datetime.timedelta(minutes=5)
    InquiryNotice.objects.filter(pk=staff.pk).update(next_attempt_at=long_ago)
    InquiryNotice.objects.filter(pk=visitor.pk).update(status="sending", lease_until=long_ago)
    assert sorted(outbox.due_ids()) == sorted([staff.pk, visitor.pk])
    assert tasks.requeue_due_notices() == 2  # published to the (in-memory) broker

    InquiryNotice.objects.update(status="sent")
    assert outbox.due_ids() == []


def test_retention_deletes_old_inquiries_their_rows_and_audit_entries_and_logs_counts_only(
    clinic, staff, caplog, settings
):
    settings.INQUIRY_RETENTION_DAYS = 90
    old = InquiryFactory(office_page=clinic.offices["naperville"])
    NoticeFactory(inquiry=old, kind="staff")
    NoticeFactory(inquiry=old, kind="visitor")
    recent = InquiryFactory(office_page=clinic.offices["aurora"])
    for inquiry, user in ((old, staff.intake), (recent, staff.intake_aurora)):
        client = Client()
        sign_in(client, user)
        client.get(f"/admin/inquiries/inspect/{inquiry.pk}/")
    Inquiry.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=91))

    with caplog.at_level(logging.INFO, logger="inquiries"):
        assert retention.delete_expired() == (1, 2)

    assert list(Inquiry.objects.values_list("office_name", flat=True)) == ["Aurora"]
    assert InquiryNotice.objects.filter(inquiry_id=old.pk).count() == 0
    assert list(InquiryLogEntry.objects.values_list("object_id", flat=True)) == [str(recent.pk)]
    assert "deleted 1 inquiries and 2 e-mail records older than 90 days" in caplog.text
    assert old.reference not in caplog.text


def test_retention_deletes_a_row_no_key_can_decrypt(clinic, settings):
    from cryptography.fernet import Fernet

    InquiryFactory(office_page=clinic.offices["naperville"])
    Inquiry.objects.update(created_at=timezone.now() - datetime.timedelta(days=91))
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    assert retention.delete_expired() == (1, 0)
    assert Inquiry.objects.count() == 0


def test_nothing_personal_reaches_the_logs(clinic, smtp_sink, caplog):
    client = Client()
    with caplog.at_level(logging.DEBUG):
        client.post("/locations/naperville/", answers(clinic.offices["naperville"]))
        client.post("/locations/naperville/", answers(clinic.offices["naperville"], phone="12345"))  # invalid
        for row in InquiryNotice.objects.all():
            outbox.deliver(row.pk)
        smtp_sink.refusing = True
        client.post("/locations/aurora/", answers(clinic.offices["aurora"]))
        for row in InquiryNotice.objects.filter(status="pending"):
            outbox.deliver(row.pk)

    # Everything the portal, Django and Celery logged; "mail.log" is the
    # test's SMTP sink (the receiving mail server), which must see the address.
    logged = "\n".join(
        f"{record.name} {record.getMessage()} {record.exc_text or ''}"
        for record in caplog.records if record.name != "mail.log"
    )
    assert "Inquiry" in logged  # the portal did log its steps, by id
    for secret in (VISITOR["name"], "Zuzanna", VISITOR["email"], "555-0142", "0142"):
        assert secret not in logged


def test_error_reports_hide_the_posted_form(client, clinic):
    """Were the view ever to fail, Django's error report would not show the answers."""
    from django.views.debug import SafeExceptionReporterFilter

    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], phone="12345"))

    cleansed = SafeExceptionReporterFilter().get_post_parameters(response.wsgi_request)
    assert set(cleansed) >= {"name", "email", "phone"}
    assert set(cleansed.values()) == {SafeExceptionReporterFilter.cleansed_substitute}


def test_beat_runs_the_sweep_every_minute_and_retention_and_session_cleanup_daily(settings):
    from portal.celery import app

    app.loader.import_default_modules()
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert schedule["inquiries.tasks.requeue_due_notices"] == 60.0
    retention_schedule = schedule["inquiries.tasks.delete_expired_inquiries"]
    assert retention_schedule.hour == {3} and retention_schedule.minute == {30}
    assert len(schedule["portal.tasks.clear_expired_sessions"].hour) == 1
    assert {"inquiries.tasks.requeue_due_notices", "inquiries.tasks.delete_expired_inquiries",
            "inquiries.tasks.deliver_notice", "portal.tasks.clear_expired_sessions"} <= set(app.tasks)


def test_a_worker_that_overran_its_lease_cannot_overwrite_the_one_that_took_over(inquiry):
    staff = notice(inquiry, "staff").pk
    slow = outbox.claim(staff)
    later = timezone.now() + datetime.timedelta(minutes=10)
    fresh = outbox.claim(staff, now=later)

    assert outbox.finish(slow, "pending", last_error="SMTPServerDisconnected") is False
    assert outbox.finish(fresh, "sent", sent_at=timezone.now()) is True
    assert InquiryNotice.objects.get(pk=staff).status == "sent"


def test_a_row_whose_workers_keep_dying_ends_failed(inquiry, settings):
    staff = notice(inquiry, "staff").pk
    expired = timezone.now() - datetime.timedelta(minutes=1)
    InquiryNotice.objects.filter(pk=staff).update(
        status="sending", lease_until=expired, attempts=settings.NOTIFICATION_MAX_ATTEMPTS
    )

    assert outbox.deliver(staff) == (outbox.SKIPPED, None)
    row = InquiryNotice.objects.get(pk=staff)
    assert (row.status, row.last_error) == ("failed", "worker lost too often")


def test_inquiries_are_not_listed_as_uses_of_office_pages(inquiry):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    assert not ReferenceIndex.objects.filter(content_type=ContentType.objects.get_for_model(Inquiry)).exists()
