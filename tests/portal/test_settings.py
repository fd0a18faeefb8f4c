"""Production refuses to start half-configured and passes Django's deploy checks."""

import json
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
    "EMAIL_HOST": "smtp.example.org",
    "INQUIRY_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
}
REQUIRED = [
    "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL",
    "EMAIL_HOST", "INQUIRY_ENCRYPTION_KEYS",
]


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


def named_as_missing(stderr):
    """The variables in production's refusal, in its order."""
    message = re.search(r"Production settings need these environment variables: ([A-Z_, ]+)\.", stderr)
    assert message, stderr
    return message.group(1).split(", ")


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_names_each_missing_variable(missing):
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != missing}

    result = manage("check", env=env)

    assert result.returncode != 0
    assert named_as_missing(result.stderr) == [missing]


def test_production_with_nothing_set_names_every_required_variable():
    result = manage("check", env={"DJANGO_SETTINGS_MODULE": "portal.settings.production"})

    assert result.returncode != 0
    assert named_as_missing(result.stderr) == REQUIRED


def test_production_passes_the_deploy_checks():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


SEND_ONE_MESSAGE = (
    "from django.core.mail import send_mail; "
    "send_mail('Test', 'Body', 'no-reply@example.org', ['intake@example.org'])"
)


def test_production_smtp_insists_on_starttls_by_default(smtp_sink):
    """The sink offers no STARTTLS: production stops rather than send in the clear."""
    env = {**PRODUCTION_ENV, "EMAIL_HOST": smtp_sink.host, "EMAIL_PORT": str(smtp_sink.port)}

    result = manage("shell", "-c", SEND_ONE_MESSAGE, env=env)

    assert result.returncode != 0
    assert "STARTTLS extension not supported by server" in result.stderr
    assert smtp_sink.snapshot() == []


def test_production_sends_plain_smtp_only_when_told_to(smtp_sink):
    env = {**PRODUCTION_ENV, "EMAIL_HOST": smtp_sink.host, "EMAIL_PORT": str(smtp_sink.port),
           "EMAIL_USE_TLS": "false"}

    result = manage("shell", "-c", SEND_ONE_MESSAGE, env=env)

    assert result.returncode == 0, result.stderr
    assert [str(message["To"]) for message in smtp_sink.wait_for(1)] == ["intake@example.org"]


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({}, {"EMAIL_USE_TLS": True, "EMAIL_USE_SSL": False, "EMAIL_PORT": 587}),
        ({"EMAIL_USE_SSL": "true"}, {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": True, "EMAIL_PORT": 465}),
        ({"EMAIL_USE_TLS": "false"}, {"EMAIL_USE_TLS": False, "EMAIL_USE_SSL": False, "EMAIL_PORT": 25}),
    ],
)
def test_production_smtp_port_and_encryption(overrides, expected):
    code = ("import json; from django.conf import settings as s; "
            "print(json.dumps({k: getattr(s, k) for k in ('EMAIL_USE_TLS', 'EMAIL_USE_SSL', 'EMAIL_PORT')}))")

    result = manage("shell", "-c", code, env={**PRODUCTION_ENV, **overrides})

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == expected


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_readme_documents_every_environment_variable():
    readme = (REPO / "README.md").read_text()
    table_rows = set(re.findall(r"^\| `([A-Z0-9_]+)` \|", readme, flags=re.MULTILINE))

    assert set(VARIABLES) == table_rows


def test_time_zone_is_chicago(settings):
    assert settings.TIME_ZONE == "America/Chicago"
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks.backends.immediate.ImmediateBackend"
