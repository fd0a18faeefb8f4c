"""A var/ made by an earlier, unreleased version ends in one line saying how
to start afresh, never in a traceback (`make demo` checks before migrating)."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from portal.settings.environment import VARIABLES

REPO = Path(__file__).resolve().parents[2]


def manage(var_dir, *args):
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, capture_output=True, text=True, timeout=300,
        env={**clean, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "VAR_DIR": str(var_dir)},
    )


def test_an_old_demo_database_gets_one_line_saying_how_to_start_afresh(tmp_path):
    assert manage(tmp_path, "migrate", "--noinput").returncode == 0
    assert manage(tmp_path, "verify_migration_history").returncode == 0  # made by this version: fine
    with sqlite3.connect(tmp_path / "db.sqlite3") as database:  # as the previous version left it
        database.execute(
            "INSERT INTO django_migrations (app, name, applied) VALUES ('locations', '0002_inquiries', '2026-11-22')"
        )

    result = manage(tmp_path, "verify_migration_history")

    assert result.returncode == 1
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "locations.0002_inquiries" in message and "rm -rf var && make demo" in message
