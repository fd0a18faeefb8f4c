"""A real Celery worker on a real Redis does the site's scheduled work:
an article a marketer scheduled goes live when beat's task runs."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.utils import timezone
from tests.harness.celery_worker import celery_publishing_to

from portal.models import HomePage, StandardPage
from portal.tasks import publish_scheduled_pages

REPO = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow]


@pytest.fixture
def redis_broker(redis_server):
    with celery_publishing_to(redis_server.url + "/0"):
        yield redis_server.url + "/0"


@pytest.fixture
def celery_worker(live_demo_site, redis_broker, tmp_path):
    from django.db import connection

    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "CELERY_BROKER_URL": redis_broker,
        "VAR_DIR": str(tmp_path),
    }
    log = tmp_path / "worker.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "portal", "worker", "--concurrency=1",
             "--loglevel=INFO", "--without-gossip", "--without-mingle"],
            cwd=REPO, env=env, stdout=log_file, stderr=subprocess.STDOUT,
        )
    yield process, log
    process.terminate()
    process.wait(timeout=30)


def test_scheduled_page_goes_live_when_the_worker_runs_the_beat_task(celery_worker):
    process, log = celery_worker
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Back-to-school tips", slug="back-to-school", live=False)
    home.add_child(instance=page)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    page.refresh_from_db()
    assert not page.live

    publish_scheduled_pages.delay()

    deadline = time.monotonic() + 60
    while not StandardPage.objects.get(pk=page.pk).live:
        assert process.poll() is None, log.read_text()[-3000:]
        assert time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.5)
    assert "succeeded" in log.read_text()
