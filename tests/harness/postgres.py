"""A throwaway PostgreSQL server living in a temporary directory.

Usage::

    with PostgresServer() as pg:
        psycopg.connect(pg.url)

The server listens on 127.0.0.1 (free port) and on a unix socket inside its
temporary directory, trusts every local connection and is tuned for speed
(no fsync), so it must never hold data anyone cares about.
"""

from __future__ import annotations

import glob
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import psycopg

from .ports import free_port

SUPERUSER = "portal"
STARTUP_TIMEOUT = 30  # seconds


def find_postgres_bin_dir() -> Path:
    """Directory holding initdb/pg_ctl: newest Debian cluster version, else PATH."""

    def version_key(bin_dir: str) -> tuple[int, ...]:
        version = Path(bin_dir).parent.name  # /usr/lib/postgresql/<version>/bin
        return tuple(int(part) for part in re.findall(r"\d+", version))

    candidates = [
        str(Path(initdb).parent) for initdb in glob.glob("/usr/lib/postgresql/*/bin/initdb")
    ]
    if candidates:
        return Path(max(candidates, key=version_key))
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).parent
    raise RuntimeError(
        "PostgreSQL binaries (initdb) not found: install the Debian package postgresql "
        "(or run scripts/ensure-system-packages.sh)"
    )


def unprivileged_user() -> pwd.struct_passwd:
    """The account PostgreSQL runs as when we are root (it refuses to run as root)."""
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root but neither a 'postgres' nor a 'nobody' user exists")


class PostgresServer:
    host = "127.0.0.1"
    user = SUPERUSER
    password = ""  # trust authentication

    def __init__(self) -> None:
        self.bin_dir = find_postgres_bin_dir()
        self.port = free_port()
        self.base_dir: Path | None = None
        self.running = False
        # PostgreSQL refuses to start as root, so drop to an unprivileged account.
        self.run_as = unprivileged_user() if os.geteuid() == 0 else None

    # -- paths and connection details ---------------------------------------------

    @property
    def data_dir(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "data"

    @property
    def log_file(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir / "postgres.log"

    @property
    def socket_dir(self) -> Path:
        assert self.base_dir is not None, "server not started"
        return self.base_dir

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, name: str) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{name}"

    def database_settings(self, name: str = "postgres") -> dict:
        """A Django DATABASES entry pointing at this server."""
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": name,
            "USER": self.user,
            "PASSWORD": self.password,
            "HOST": self.host,
            "PORT": str(self.port),
        }

    # -- lifecycle -------------------------------------------------------------------

    def start(self) -> "PostgresServer":
        if self.running:
            return self
        # Under /tmp (world-traversable) so the unprivileged user can reach it.
        self.base_dir = Path(tempfile.mkdtemp(prefix="pgtest-", dir="/tmp"))
        if self.run_as is not None:
            os.chown(self.base_dir, self.run_as.pw_uid, self.run_as.pw_gid)
        try:
            self._initdb()
            self._configure()
            self._pg_ctl_start()
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.base_dir is None:
            return
        if (self.data_dir / "postmaster.pid").exists():
            # Immediate mode: no checkpoint, we throw the data away anyway.
            self._run(
                [self._bin("pg_ctl"), "stop", "-D", str(self.data_dir), "-m", "immediate", "-w"],
                check=False,
            )
        self.running = False
        shutil.rmtree(self.base_dir, ignore_errors=True)
        self.base_dir = None

    def __enter__(self) -> "PostgresServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    # -- internals ---------------------------------------------------------------------

    def _bin(self, name: str) -> str:
        return str(self.bin_dir / name)

    def _run(self, args: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
        if self.run_as is not None:
            if shutil.which("runuser"):
                args = ["runuser", "-u", self.run_as.pw_name, "--", *args]
            else:
                args = [
                    "setpriv",
                    f"--reuid={self.run_as.pw_uid}",
                    f"--regid={self.run_as.pw_gid}",
                    "--init-groups",
                    "--",
                    *args,
                ]
        # cwd inside our dir: the unprivileged user may not be able to read the caller's cwd.
        result = subprocess.run(
            args,
            cwd=self.base_dir,
            env={**os.environ, "LC_ALL": "C.UTF-8"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"command failed ({result.returncode}): {' '.join(args)}\n{result.stdout}"
                f"{self._log_tail()}"
            )
        return result

    def _initdb(self) -> None:
        # C.UTF-8 keeps sorting predictable while UPPER()/LOWER() still handle
        # non-ASCII letters (needed for case-insensitive Spanish/Polish lookups).
        self._run(
            [
                self._bin("initdb"),
                "-D", str(self.data_dir),
                "-U", self.user,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        )

    def _configure(self) -> None:
        settings = {
            "listen_addresses": f"'{self.host}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "max_connections": "100",
            # Durability is pointless for a throwaway test database; speed matters.
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
        }
        # Appending keeps the file's owner (the postgres user) and later lines win.
        with open(self.data_dir / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write("\n# tests.harness.postgres\n")
            for key, value in settings.items():
                conf.write(f"{key} = {value}\n")

    def _pg_ctl_start(self) -> None:
        result = self._run(
            [
                self._bin("pg_ctl"),
                "start",
                "-D", str(self.data_dir),
                "-l", str(self.log_file),
                "-w",
                "-t", str(STARTUP_TIMEOUT),
            ],
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(
                f"PostgreSQL failed to start on port {self.port}:\n{result.stdout}{self._log_tail()}"
            )
        self.running = True

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        last_error: Exception | None = None
        while time.monotonic() < deadline:
            try:
                with psycopg.connect(self.url, connect_timeout=2) as conn:
                    conn.execute("SELECT 1")
                return
            except psycopg.OperationalError as error:
                last_error = error
                time.sleep(0.1)
        raise RuntimeError(
            f"PostgreSQL on port {self.port} did not accept connections within "
            f"{STARTUP_TIMEOUT}s: {last_error}{self._log_tail()}"
        )

    def _log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(encoding="utf-8", errors="replace")
        except (OSError, AssertionError):
            return ""
        return "\n--- postgres log (tail) ---\n" + "\n".join(text.splitlines()[-lines:])
