"""Drills: inquiries reach the office exactly once while parts of the stack fail.

Everything is real: PostgreSQL, Redis (broker and cache), a Celery worker
process with the production task settings, and an SMTP server (aiosmtpd).
Each drill sends N visitors' requests through the real form view and prints
accepted / stored / delivered / duplicates, which must read N / N / N / 0.

The minute sweep (beat's ``requeue_due_notices``) is run directly, as beat
would, with no grace period so the drills need not wait for the clock.
"""

import time

import pytest
import redis
from django.test import Client
from inquiries import outbox, tasks
from inquiries.models import Inquiry, InquiryNotice
from inquiries.tasks import deliver_notice
from tests.harness.celery_worker import CeleryWorker, celery_publishing_to
from tests.inquiries.factories import VISITOR, answers

pytestmark = [pytest.mark.slow]

N = 50
OFFICES = ["naperville", "plainfield", "aurora", "oswego", "bolingbrook"]


class Drill:
    def __init__(self, clinic, redis_server, smtp_sink, workdir, capsys):
        self.clinic = clinic
        self.redis_server = redis_server
        self.sink = smtp_sink
        self.workdir = workdir
        self.capsys = capsys
        self.broker_url = redis_server.url + "/0"
        self.accepted = 0
        self.workers = []

    def worker(self, concurrency=1):
        worker = CeleryWorker(
            self.broker_url, self.workdir, concurrency=concurrency,
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST=self.sink.host, EMAIL_PORT=str(self.sink.port), EMAIL_USE_TLS="false",
            WAGTAILADMIN_BASE_URL="http://testserver",
            NOTIFICATION_RETRY_SECONDS="1", NOTIFICATION_LEASE_SECONDS="5",
        ).start()
        self.workers.append(worker)
        worker.wait_until(lambda: "ready." in worker.log.read_text(), 60, "the worker to start")
        return worker

    def submit(self, count=N, **changes):
        """``count`` visitors, each from their own address, send the form."""
        client = Client()
        pages = self.clinic.offices
        for number in range(count):
            slug = OFFICES[number % len(OFFICES)]
            data = answers(pages[slug], name=f"Drill visitor {number}", email="",
                           preferred_contact="phone", **changes)
            response = client.post(f"/locations/{slug}/", data, REMOTE_ADDR=f"10.9.{number // 200}.{number % 200 + 1}")
            assert response.status_code in (303, 400, 413, 429), response.status_code
            self.accepted += response.status_code == 303 and "/thanks/?to=" in response["Location"]

    def sweep(self):
        ids = outbox.due_ids(grace_seconds=0)
        return sum(tasks.queue_delivery(notice_id) for notice_id in ids)

    def delivered(self):
        return len(self.sink.count_by_message_id())

    def wait_for_delivery(self, timeout=120, sweep_every=None):
        deadline = time.monotonic() + timeout
        last_sweep = time.monotonic()
        while self.delivered() < N:
            if time.monotonic() > deadline:
                states = list(InquiryNotice.objects.values_list("status", "attempts", "last_error"))
                raise AssertionError(f"only {self.delivered()} of {N} delivered; outbox: {states[:10]}\n"
                                     + self.workers[-1].log_tail())
            if sweep_every and time.monotonic() - last_sweep > sweep_every:
                self.sweep()
                last_sweep = time.monotonic()
            time.sleep(0.2)

    def report(self, name):
        stored = Inquiry.objects.count()
        counts = self.sink.count_by_message_id()
        duplicates = sum(count - 1 for count in counts.values())
        with self.capsys.disabled():
            print(f"\n[drill] {name}: accepted {self.accepted} / stored {stored} / "
                  f"delivered {len(counts)} / duplicates {duplicates}")
        assert (self.accepted, stored, len(counts), duplicates) == (N, N, N, 0)
        assert set(InquiryNotice.objects.values_list("status", flat=True)) == {"sent"}
        for message in self.sink.snapshot():
            assert "Drill visitor" not in message.as_string()

    def stop(self):
        for worker in self.workers:
            worker.stop()


@pytest.fixture
def drill(live_clinic, redis_server, smtp_sink, tmp_path, capsys, settings):
    # Redis is also the cache, as in production: the rate limit lives there.
    settings.CACHES = {"default": {
        "BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": redis_server.url + "/1",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    drill = Drill(live_clinic, redis_server, smtp_sink, tmp_path, capsys)
    with celery_publishing_to(drill.broker_url):
        yield drill
    drill.stop()


def test_an_inquiry_reaches_the_office_exactly_once_with_no_personal_data(drill):
    drill.worker()
    client = Client()
    response = client.post("/locations/naperville/", answers(drill.clinic.offices["naperville"]))
    assert response.status_code == 303

    staff, visitor = sorted(drill.sink.wait_for(2, timeout=60), key=lambda m: m["To"] != "intake-naperville@example.org")
    drill.sweep()  # a sweep now finds nothing to resend
    time.sleep(3)

    assert len(drill.sink.snapshot()) == 2
    inquiry = Inquiry.objects.get()
    assert staff["To"] == "intake-naperville@example.org"
    assert staff["Subject"] == f"New inquiry for Naperville ({inquiry.reference})"
    assert visitor["To"] == VISITOR["email"]
    for message in (staff, visitor):
        text = message["Subject"] + message.get_content()
        for secret in (VISITOR["name"], "Zuzanna", "555-0142", VISITOR["email"]):
            assert secret not in text


def test_drill_redis_stopped_while_submitting_then_restarted(drill):
    drill.worker()
    drill.redis_server.stop()

    drill.submit()  # broker and cache are down: visitors still get the thank-you page
    assert Inquiry.objects.count() == N and drill.delivered() == 0

    drill.redis_server.start()
    drill.sweep()
    drill.wait_for_delivery(sweep_every=10)
    drill.report("Redis stopped while submitting, then restarted")


def test_drill_smtp_refusing_then_accepting(drill):
    drill.worker()
    drill.sink.refusing = True

    drill.submit()
    drill.workers[0].wait_until(
        lambda: not InquiryNotice.objects.filter(last_error="").exists(), 120, "every e-mail to be refused once"
    )
    assert drill.delivered() == 0
    assert set(InquiryNotice.objects.values_list("last_error", flat=True)) == {"SMTPDataError"}

    drill.sink.refusing = False
    drill.wait_for_delivery(sweep_every=10)  # the retries with backoff get them through
    drill.report("SMTP refusing, then accepting")


def test_drill_worker_killed_mid_task_then_restarted(drill):
    worker = drill.worker()
    drill.sink.rcpt_delay = 0.3  # each send pauses mid-conversation

    drill.submit()
    worker.wait_until(lambda: drill.delivered() >= 10, 120, "some deliveries")
    assert drill.sink.in_rcpt.wait(timeout=10)
    worker.kill()  # SIGKILL while it is talking to the SMTP server
    assert InquiryNotice.objects.filter(status="sending").exists()
    assert drill.delivered() < N

    drill.sink.rcpt_delay = 0
    drill.worker()
    drill.wait_for_delivery(sweep_every=3)  # leases run out; the sweep re-queues
    drill.report("worker killed (SIGKILL) mid-task, then restarted")


def test_drill_each_message_published_five_times(drill):
    drill.submit()  # one publish per e-mail after each commit...
    for notice_id in InquiryNotice.objects.values_list("pk", flat=True):
        for _copy in range(4):  # ...and four more copies of each
            deliver_notice.delay(notice_id)
    queue = redis.Redis.from_url(drill.broker_url)
    assert queue.llen("celery") == 5 * N

    drill.worker(concurrency=2)  # two processes race for the copies
    drill.wait_for_delivery()
    drill.workers[0].wait_until(lambda: queue.llen("celery") == 0, 60, "every copy to be taken")
    time.sleep(2)  # the last copies finish (and find nothing to send)
    drill.report("each message published five times")
