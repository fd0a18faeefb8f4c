"""Pages whose clinical review is older than 12 months are listed for the
reviewers, in a report and in a monthly e-mail with titles and links only."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from approaches.models import ApproachPage
from approaches.tasks import email_reviewers_due_pages
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def review_dates(reviewed_practice):
    p = reviewed_practice
    today = timezone.localdate()
    ApproachPage.objects.filter(pk=p.emdr.pk).update(last_reviewed=today - datetime.timedelta(days=400),
                                                     reviewed_by=p.reviewer)
    ApproachPage.objects.filter(pk=p.play.pk).update(last_reviewed=today - datetime.timedelta(days=30),
                                                     reviewed_by=p.reviewer)
    return p  # ifs: never reviewed


def test_report_lists_stale_and_never_reviewed_pages(client, review_dates):
    p = review_dates

    response = sign_in(client, p.reviewer).get(reverse("approaches_reviews_due"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Internal Family Systems" in html and "Never" in html
    assert "EMDR" in html and "Play therapy" not in html


def test_report_is_for_reviewers_and_marketing_only(client, review_dates):
    p = review_dates
    assert sign_in(client, p.marketer).get(reverse("approaches_reviews_due")).status_code == 200
    assert sign_in(client, p.clinician).get(reverse("approaches_reviews_due")).status_code in (302, 403)


def test_monthly_email_to_reviewers_has_titles_and_links_only(review_dates):
    mail.outbox.clear()

    assert email_reviewers_due_pages() == 2

    (message,) = mail.outbox
    assert message.to == ["ben@example.org"]
    assert "EMDR" in message.body and "Internal Family Systems" in message.body
    assert f"/admin/pages/{review_dates.emdr.pk}/edit/" in message.body
    assert "Play therapy" not in message.body


def test_beat_runs_the_reminders(settings):
    schedule = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"approaches.tasks.email_reviewers_due_pages", "approaches.tasks.remind_stale_availability"} <= schedule
