"""A real Celery worker process for tests, on the test database.

It runs the dev settings with the environment pointing at the test's
PostgreSQL, broker and SMTP sink. ``kill()`` sends SIGKILL to the worker and
its pool children at once, like a container being killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


@contextmanager
def celery_publishing_to(broker_url):
    """Point this process's Celery app (the web side) at the test's broker.
    The producer pools are reset, or messages would go to the old broker."""
    from portal.celery import app

    previous = app.conf.broker_url

    def switch(url):
        app.conf.broker_url = url
        app._pool = None
        app.amqp._producer_pool = None

    switch(broker_url)
    try:
        yield
    finally:
        switch(previous)


def database_url():
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


class CeleryWorker:
    def __init__(self, broker_url: str, workdir: Path, concurrency: int = 1, **environment: str) -> None:
        from django.conf import settings

        self.workdir = workdir
        self.concurrency = concurrency
        self.log = workdir / "worker.log"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker_url,
            # The same keys as the test process, so signatures and encrypted fields read the same.
            "SECRET_KEY": settings.SECRET_KEY,
            "INQUIRY_ENCRYPTION_KEYS": ",".join(settings.INQUIRY_ENCRYPTION_KEYS),
            "VAR_DIR": str(workdir),
            "LOG_LEVEL": "INFO",
            **environment,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "CeleryWorker":
        with open(self.log, "a") as log_file:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "portal", "worker",
                 f"--concurrency={self.concurrency}", "--loglevel=INFO",
                 "--without-gossip", "--without-mingle", "--without-heartbeat"],
                cwd=REPO, env=self.env, stdout=log_file, stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, so kill() reaches the pool too
            )
        return self

    def assert_running(self) -> None:
        assert self.process is not None and self.process.poll() is None, self.log_tail()

    def kill(self) -> None:
        """SIGKILL the worker and its children: no cleanup, no acks."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_tail(self, characters: int = 4000) -> str:
        try:
            return self.log.read_text()[-characters:]
        except OSError:
            return "(no worker log)"

    def wait_until(self, condition, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process is not None:
                self.assert_running()
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}\n{self.log_tail()}")
            time.sleep(0.2)
