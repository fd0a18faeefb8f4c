"""Production refuses to start half-configured and passes Django's deploy checks."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from portal.settings.environment import VARIABLES

REPO = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3#n9v!q2L0x8@pZr5Tg7Wm1Yc4Hb6Jd9Fs2Aq8Ee0Uo3Ii5Nl7Rt1Gy4Vw6Xz",
    "ALLOWED_HOSTS": "care.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
    "REDIS_URL": "redis://redis.example.org:6379/1",
    "CELERY_BROKER_URL": "redis://redis.example.org:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://care.example.org",
}


def manage(*args, env):
    # Only what a real deployment would have: none of the portal's variables
    # from this machine, and not the browser tests' async-safety switch.
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in VARIABLES and key != "DJANGO_ALLOW_ASYNC_UNSAFE"
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL"]
)
def test_production_names_each_missing_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
    assert missing in result.stderr.split("variables:")[1]


def test_production_with_nothing_set_names_every_required_variable():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "portal.settings.production"})

    assert result.returncode != 0
    assert "SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, WAGTAILADMIN_BASE_URL" in result.stderr


def test_production_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_readme_documents_every_environment_variable():
    readme = (REPO / "README.md").read_text()
    table_rows = set(re.findall(r"^\| `([A-Z_]+)` \|", readme, flags=re.MULTILINE))

    assert set(VARIABLES) == table_rows


def test_time_zone_is_chicago(settings):
    assert settings.TIME_ZONE == "America/Chicago"
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
