"""A real Celery worker on a real Redis does the site's scheduled work:
a page a marketer scheduled goes live when beat's task runs."""

import datetime

import pytest
from django.utils import timezone

from portal.models import StandardPage
from portal.tasks import publish_scheduled_pages
from tests.harness.celery_worker import CeleryWorker, celery_publishing_to
from tests.portal.factories import StandardPageFactory

pytestmark = [pytest.mark.slow]


@pytest.fixture
def redis_broker(redis_server):
    with celery_publishing_to(redis_server.url + "/0"):
        yield redis_server.url + "/0"


@pytest.fixture
def celery_worker(live_home, redis_broker, tmp_path):
    """A worker on the test database, which it reads in its own process (so the test commits)."""
    worker = CeleryWorker(redis_broker, tmp_path).start()
    yield worker
    worker.stop()


def scheduled_draft(home, title, slug, go_live_at):
    """A draft page approved to go live at ``go_live_at``, as the admin's "Schedule" saves it."""
    page = StandardPageFactory(parent=home, title=title, slug=slug, live=False)
    page.save_revision(approved_go_live_at=go_live_at)
    page.refresh_from_db()
    assert not page.live
    return page


def test_scheduled_page_goes_live_when_the_worker_runs_the_beat_task(client, live_home, celery_worker):
    now = timezone.now()
    due = scheduled_draft(live_home, "Back-to-school tips", "back-to-school", now - datetime.timedelta(minutes=1))
    later = scheduled_draft(live_home, "Winter break hours", "winter-break", now + datetime.timedelta(days=1))
    assert client.get("/back-to-school/").status_code == 404

    publish_scheduled_pages.delay()

    celery_worker.wait_until(lambda: "succeeded" in celery_worker.log.read_text(), timeout=120,
                             what="the worker to run publish_scheduled_pages")
    assert StandardPage.objects.get(pk=due.pk).live
    assert client.get("/back-to-school/").status_code == 200
    # A page scheduled for tomorrow waits for tomorrow.
    assert not StandardPage.objects.get(pk=later.pk).live
    assert client.get("/winter-break/").status_code == 404
