"""The demo's filesystem broker hands a worker only whole messages.

kombu's stock filesystem transport writes a message in place, so a worker can
read it half-written (kombu issue 1551). Here 1,000 messages are published
while a real Celery worker consumes them: every one must arrive exactly once.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
MESSAGES = 1000


@pytest.fixture
def broker_dirs(tmp_path, monkeypatch):
    broker, received = tmp_path / "broker", tmp_path / "received"
    received.mkdir()
    monkeypatch.setenv("FS_BROKER_DIR", str(broker))
    monkeypatch.setenv("FS_RECEIVED_DIR", str(received))
    return broker, received


@pytest.fixture
def worker(broker_dirs, tmp_path):
    log = tmp_path / "worker.log"
    with open(log, "w") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "tests.portal.filesystem_broker_app",
                "worker", "--concurrency=2", "--loglevel=INFO", "--without-heartbeat",
                "--without-gossip", "--without-mingle",
            ],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    yield process, log
    process.terminate()
    process.wait(timeout=30)


def wait_until_ready(process, log, timeout=60):
    """Publish only once the worker is consuming, so both happen at once."""
    deadline = time.monotonic() + timeout
    while " ready." not in log.read_text():
        assert process.poll() is None and time.monotonic() < deadline, log.read_text()[-3000:]
        time.sleep(0.2)


@pytest.mark.slow
def test_thousand_messages_published_during_consumption_all_arrive_once(broker_dirs, worker):
    from tests.portal.filesystem_broker_app import app

    _broker, received = broker_dirs
    process, log = worker
    padding = "p" * 4096  # big enough that a write is not a single instant
    wait_until_ready(process, log)

    with app.producer_or_acquire() as producer:
        for number in range(MESSAGES):
            app.send_task("probe.record", args=[number, padding], producer=producer)

    deadline = time.monotonic() + 180
    while len(list(received.iterdir())) < MESSAGES and time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()[-3000:]
        time.sleep(0.5)

    arrived = sorted(int(path.name) for path in received.iterdir())
    worker_log = log.read_text()
    assert arrived == list(range(MESSAGES)), f"{MESSAGES - len(arrived)} lost\n{worker_log[-3000:]}"
    for trouble in ("Traceback", "JSONDecodeError", "FileExistsError", "ERROR"):
        assert trouble not in worker_log, worker_log[-3000:]


def test_project_celery_app_uses_the_atomic_transport(settings):
    from portal.celery import app
    from portal.filesystem_broker import Transport

    with app.connection_for_write("filesystem://") as connection:
        assert isinstance(connection.transport, Transport)


def test_a_message_still_being_written_is_not_handed_out(tmp_path):
    """A half-written file in the queue folder is invisible to consumers."""
    from queue import Empty

    from kombu import Connection

    from portal.filesystem_broker import Transport

    folders = {
        "data_folder_in": str(tmp_path / "queue"),
        "data_folder_out": str(tmp_path / "queue"),
        "control_folder": str(tmp_path / "control"),
        "processed_folder": str(tmp_path / "processed"),
    }
    with Connection(transport=Transport, transport_options=folders) as connection:
        channel = connection.default_channel
        # What a writer leaves behind mid-write: the temporary, hidden name.
        (tmp_path / "queue" / ".writing-abc123").write_bytes(b'{"body": "trunc')
        with pytest.raises(Empty):
            channel._get("celery")

        channel._put("celery", {"body": "whole"})
        assert channel._get("celery") == {"body": "whole"}
        assert [p.name for p in (tmp_path / "queue").iterdir()] == [".writing-abc123"]
