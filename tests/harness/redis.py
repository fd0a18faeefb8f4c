"""A throwaway redis-server subprocess on a free loopback port.

The port is chosen once, so ``restart()`` (or ``stop()`` then ``start()``)
brings the server back on the same address - handy for testing how clients
cope with a broker outage.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

from .ports import free_port

STARTUP_TIMEOUT = 10  # seconds


def find_redis_server() -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        raise RuntimeError(
            "redis-server not found: install the Debian package redis-server "
            "(or run scripts/ensure-system-packages.sh)"
        )
    return binary


class RedisServer:
    host = "127.0.0.1"

    def __init__(self) -> None:
        self.binary = find_redis_server()
        self.port = free_port()
        self.base_dir = Path(tempfile.mkdtemp(prefix="redistest-"))
        self.log_file = self.base_dir / "redis.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}"

    @property
    def is_running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> "RedisServer":
        if self.is_running:
            return self
        args = [
            self.binary,
            "--bind", self.host,
            "--port", str(self.port),
            "--save", "",  # no RDB snapshots
            "--appendonly", "no",
            "--dir", str(self.base_dir),
            "--daemonize", "no",  # we own the process and stop it ourselves
            "--protected-mode", "no",
            "--logfile", str(self.log_file),
        ]
        self.process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT
        )
        self._wait_until_ready()
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        # After wait() the listening socket is closed: new connections are refused.
        self.process = None

    def restart(self) -> "RedisServer":
        self.stop()
        return self.start()

    def cleanup(self) -> None:
        """Stop the server and delete its temporary directory."""
        self.stop()
        shutil.rmtree(self.base_dir, ignore_errors=True)

    def __enter__(self) -> "RedisServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.cleanup()

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last_error: Exception | None = None
        client = redis.Redis(host=self.host, port=self.port, socket_connect_timeout=1)
        try:
            while time.monotonic() < deadline:
                if self.process is not None and self.process.poll() is not None:
                    raise RuntimeError(
                        f"redis-server exited with code {self.process.returncode}"
                        f"{self._log_tail()}"
                    )
                try:
                    if client.ping():
                        return
                except redis.exceptions.ConnectionError as error:
                    last_error = error
                time.sleep(0.05)
        finally:
            client.close()
        self.stop()
        raise RuntimeError(
            f"redis-server on port {self.port} did not answer PING within "
            f"{STARTUP_TIMEOUT}s: {last_error}{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return "\n--- redis log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])
