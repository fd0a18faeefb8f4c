"""No Docker engine runs here, so the compose files, the Dockerfile and
gunicorn.conf.py are checked as files: they parse, their services' settings
exist, their commands name real code, and the environment compose would give
a container loads in the production settings as intended.

``docker-compose.yml`` is production; ``docker-compose.try.yml`` is an
override for trying the stack with Mailpit catching every e-mail.
"""

import importlib
import json
import os
import re
import runpy
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from portal.settings.environment import VARIABLES
from tests.portal.test_production_build import (
    dockerfile_stages,
    production_required_variables,
    shell_command,
)

REPO = Path(__file__).resolve().parents[2]
PORTAL_SERVICES = ("web", "worker", "beat")
# What an operator writes in .env: everything else has a value in the file.
DOTENV = {
    "SECRET_KEY": "k3#n9v!q2L0x8@pZr5Tg7Wm1Yc4Hb6Jd9Fs2Aq8Ee0Uo3Ii5Nl7Rt1Gy4Vw6Xz",
    "ALLOWED_HOSTS": "care.example.org",
    "POSTGRES_PASSWORD": "a-strong-password",
    "WAGTAILADMIN_BASE_URL": "https://care.example.org",
    "EMAIL_HOST": "smtp.relay.example.org",
    "INQUIRY_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
}


# -- compose's own rules, for the parts these files use ---------------------------------------


class MissingVariable(Exception):
    pass


def interpolate(value, env):
    """Compose's ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}, ${NAME?error}, $$."""
    if isinstance(value, dict):
        return {key: interpolate(item, env) for key, item in value.items()}
    if isinstance(value, list):
        return [interpolate(item, env) for item in value]
    if not isinstance(value, str):
        return value

    def replace(match):
        if match.group(0) == "$$":
            return "$"
        if match.group("bare"):
            return env.get(match.group("bare"), "")
        name, colon, operator, argument = re.fullmatch(
            r"([A-Za-z_][A-Za-z0-9_]*)(?:(:?)([-?])(.*))?", match.group("braced"), re.S
        ).groups()
        current = env.get(name)
        missing = current is None or (colon == ":" and current == "")
        if operator == "-":
            return argument if missing else current
        if operator == "?" and missing:
            raise MissingVariable(f"{name}: {argument}")
        return current or ""

    return re.sub(r"\$(?:\$|\{(?P<braced>[^}]*)\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))", replace, value)


def merge(base, override):
    """Compose's merge: mappings key by key, lists appended, anything else replaced."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = dict(base)
        for key, value in override.items():
            merged[key] = merge(base[key], value) if key in base else value
        return merged
    if isinstance(base, list) and isinstance(override, list):
        return base + override
    return override


def load(*names, env=DOTENV):
    """The configuration compose would run: each file interpolated, then merged in order."""
    config = {}
    for name in names:
        config = merge(config, interpolate(yaml.safe_load((REPO / name).read_text()), env))
    return config


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


@pytest.fixture(scope="module")
def production():
    return load("docker-compose.yml")


@pytest.fixture(scope="module")
def trying():
    return load("docker-compose.yml", "docker-compose.try.yml")


def settings_under(environment, deploy_checks=True):
    """What the production settings make of a container's environment; with
    ``deploy_checks``, ``check --deploy`` must find nothing either."""
    code = (
        "import json; from django.conf import settings as s; from django.core.management import call_command;"
        + ("call_command('check', deploy=True, fail_level='DEBUG', verbosity=0);" if deploy_checks else "")
        + "print(json.dumps({k: getattr(s, k) for k in ('EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_USE_TLS', "
        "'EMAIL_USE_SSL', 'SECURE_SSL_REDIRECT', 'TRUSTED_PROXY_COUNT', 'INQUIRY_ENCRYPTION_KEYS', "
        "'ALLOWED_HOSTS')}))"
    )
    clean = {key: value for key, value in os.environ.items()
             if key not in VARIABLES and key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", code], cwd=REPO,
                            env={**clean, **{key: str(value) for key, value in environment.items()}},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


# -- what runs, and where mail goes -----------------------------------------------------------


def test_production_stack_has_no_mail_catcher(production):
    assert set(production["services"]) == {"web", "worker", "beat", "postgres", "redis"}
    assert "mailpit" not in (REPO / "docker-compose.yml").read_text().lower()


def test_production_mail_goes_to_the_relay_over_starttls(production):
    loaded = settings_under(production["services"]["web"]["environment"])

    assert loaded["EMAIL_HOST"] == DOTENV["EMAIL_HOST"]
    assert loaded["EMAIL_USE_TLS"] is True and loaded["EMAIL_USE_SSL"] is False
    assert loaded["EMAIL_PORT"] == 587
    assert loaded["SECURE_SSL_REDIRECT"] is True
    assert loaded["TRUSTED_PROXY_COUNT"] == 1
    assert loaded["INQUIRY_ENCRYPTION_KEYS"] == [DOTENV["INQUIRY_ENCRYPTION_KEYS"]]


def test_trying_the_stack_sends_every_email_to_mailpit(trying):
    assert trying["services"]["mailpit"]["image"].startswith("axllent/mailpit:")
    for service in PORTAL_SERVICES:
        environment = trying["services"][service]["environment"]
        assert environment["EMAIL_HOST"] == "mailpit"
        assert environment["EMAIL_PORT"] == "1025"
        assert environment["EMAIL_USE_TLS"] == "false"

    loaded = settings_under(trying["services"]["web"]["environment"], deploy_checks=False)
    assert (loaded["EMAIL_HOST"], loaded["EMAIL_PORT"], loaded["EMAIL_USE_TLS"]) == ("mailpit", 1025, False)
    assert loaded["SECURE_SSL_REDIRECT"] is False


@pytest.mark.parametrize("name", sorted(DOTENV))
def test_compose_refuses_to_start_without_each_operator_setting(name):
    env = {key: value for key, value in DOTENV.items() if key != name}

    with pytest.raises(MissingVariable, match=rf"^{name}: set {name} in \.env"):
        load("docker-compose.yml", env=env)


def test_email_host_is_required_and_has_no_default(compose):
    for service in PORTAL_SERVICES:
        assert compose["services"][service]["environment"]["EMAIL_HOST"].startswith("${EMAIL_HOST:?")


# -- the portal's settings ----------------------------------------------------------------------


@pytest.mark.parametrize("files", [("docker-compose.yml",), ("docker-compose.yml", "docker-compose.try.yml")])
@pytest.mark.parametrize("service", PORTAL_SERVICES)
def test_portal_services_set_only_settings_that_exist(files, service):
    environment = load(*files)["services"][service]["environment"]

    unknown = set(environment) - set(VARIABLES)
    assert not unknown, f"{service} sets variables the portal never reads: {unknown}"
    assert environment["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"


@pytest.mark.parametrize("service", PORTAL_SERVICES)
def test_portal_services_pass_every_variable_production_requires(production, service):
    environment = production["services"][service]["environment"]

    for name in [*production_required_variables(), "CELERY_BROKER_URL"]:
        assert environment.get(name, "").strip(), f"{service} does not pass {name}"


# -- ports and images ---------------------------------------------------------------------------


def test_only_the_web_app_is_published_and_on_loopback_only(production):
    published = {name: service.get("ports", []) for name, service in production["services"].items()}

    assert published.pop("web") == ["127.0.0.1:8000:8000"]
    assert not any(published.values()), published


def test_mailpit_web_page_is_on_loopback_and_its_smtp_port_unpublished(trying):
    assert trying["services"]["mailpit"]["ports"] == ["127.0.0.1:8025:8025"]


def _pinned(image):
    """A release, not a moving tag: major.minor.patch (PostgreSQL numbers releases major.minor)."""
    name, _, tag = image.partition("@")[0].rpartition(":")
    release = r"\d+\.\d+" if name.rsplit("/", 1)[-1] == "postgres" else r"\d+\.\d+\.\d+"
    return bool(name) and re.fullmatch(rf"v?{release}(?:-[a-z0-9.]+)*", tag) is not None


def test_the_pin_rule_refuses_moving_tags():
    for moving in ("postgres:16", "redis:7", "redis:7.4", "axllent/mailpit:latest", "python:3.12-slim",
                   "python:3.12", "axllent/mailpit", "postgres:latest"):
        assert not _pinned(moving), moving
    for release in ("postgres:16.11-trixie", "redis:7.4.8", "axllent/mailpit:v1.28.0",
                    "python:3.12.12-slim-trixie"):
        assert _pinned(release), release


def test_every_image_is_pinned_to_a_release(trying):
    images = [service["image"] for service in trying["services"].values()
              if "image" in service and "build" not in service and service["image"] != "clinic-portal"]
    stages = dockerfile_stages()
    stage_names = {stage[0].arguments.split()[-1] for stage in stages if " AS " in stage[0].arguments.upper()}
    images += [stage[0].arguments.split()[0] for stage in stages if stage[0].arguments.split()[0] not in stage_names]

    assert len(images) >= 5
    unpinned = [image for image in images if not _pinned(image)]
    assert not unpinned, f"not pinned to a release: {unpinned}"


# -- commands -------------------------------------------------------------------------------------


def test_web_runs_the_image_command_with_the_shared_gunicorn_config(compose):
    command = shlex.split(compose["services"]["web"]["command"])
    [cmd] = [instruction for instruction in dockerfile_stages()[-1] if instruction.keyword == "CMD"]

    assert command == shell_command(cmd) == ["gunicorn", "--config", "gunicorn.conf.py"]


def gunicorn_config():
    """gunicorn.conf.py as gunicorn reads it (its validators run on every value)."""
    from gunicorn.config import Config

    config = Config()
    for name, value in runpy.run_path(str(REPO / "gunicorn.conf.py")).items():
        if name in config.settings:
            config.set(name, value)
    return config


def test_gunicorn_serves_the_wsgi_application_on_the_container_port():
    config = gunicorn_config()

    module_name, attribute = config.wsgi_app.split(":")
    assert callable(getattr(importlib.import_module(module_name), attribute))
    assert config.address and config.bind == ["0.0.0.0:8000"]
    assert config.accesslog == "-"


def test_access_log_format_has_no_client_address_query_or_referer():
    """A visitor's IP next to the page they posted to, or ?near=<ZIP>, must not reach logs."""
    log_format = gunicorn_config().access_log_format
    atoms = set(re.findall(r"%\(([^)]+)\)s", log_format))

    # An allow-list: time, method, path without query, status, bytes, milliseconds.
    assert atoms <= {"t", "m", "U", "s", "b", "B", "M", "D", "L", "T", "H"}, atoms
    assert {"m", "U", "s"} <= atoms


@pytest.mark.parametrize("service, subcommand", [("worker", "worker"), ("beat", "beat")])
def test_celery_services_point_at_the_project_app(compose, service, subcommand):
    from celery import Celery

    command = shlex.split(compose["services"][service]["command"])
    assert command[:2] == ["celery", "-A"] and command[3] == subcommand
    module = importlib.import_module(command[2])
    assert isinstance(module.celery_app, Celery)


def test_redis_keeps_queued_tasks(compose):
    command = compose["services"]["redis"]["command"]
    assert "--appendonly yes" in command
    assert "--maxmemory-policy noeviction" in command


def test_dockerfile_is_multi_stage_and_runs_unprivileged():
    dockerfile = (REPO / "Dockerfile").read_text()
    stages = dockerfile_stages()
    assert len(stages) >= 2
    users = [instruction.arguments for instruction in stages[-1] if instruction.keyword == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert "--require-hashes" in dockerfile
