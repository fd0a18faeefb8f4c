"""Staff sessions that expired leave no rows behind: beat clears them daily."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from portal.tasks import clear_expired_sessions

pytestmark = pytest.mark.django_db


def test_the_daily_task_deletes_expired_sessions_and_keeps_live_ones(settings):
    now = timezone.now()
    Session.objects.create(session_key="expired" * 4, session_data="", expire_date=now - datetime.timedelta(days=1))
    Session.objects.create(session_key="current" * 4, session_data="", expire_date=now + datetime.timedelta(days=1))

    clear_expired_sessions()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["current" * 4]
    schedule = {entry["task"]: entry["schedule"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "portal.tasks.clear_expired_sessions" in schedule
