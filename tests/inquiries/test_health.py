"""/healthz/ fails when an office has not been told about a request in time."""

import datetime

import pytest
from django.utils import timezone

from inquiries.models import InquiryNotice
from tests.inquiries.factories import InquiryFactory, NoticeFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_oldest_waiting_notice_and_fails_past_the_threshold(client, clinic, settings):
    settings.NOTIFICATION_MAX_PENDING_AGE = 600
    inquiry = InquiryFactory(office_page=clinic.offices["naperville"])
    NoticeFactory(inquiry=inquiry, kind="staff")
    NoticeFactory(inquiry=inquiry, kind="visitor")
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
    # Outsiders learn that the site is unwell, not why.
    assert client.get("/healthz/", REMOTE_ADDR="203.0.113.5").json() == {"status": "unavailable"}

    InquiryNotice.objects.update(status="sent")
    assert client.get("/healthz/").json()["oldest_pending_notification_seconds"] == 0
