"""No Docker engine runs here, so docker-compose.yml is checked as a file:
it parses, its services' settings exist, and its commands name real code."""

import importlib
import shlex
from pathlib import Path

import pytest
import yaml

from portal.settings.environment import VARIABLES

REPO = Path(__file__).resolve().parents[2]
PORTAL_SERVICES = ("web", "worker", "beat")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((REPO / "docker-compose.yml").read_text())


def test_has_every_service_a_deployment_needs(compose):
    assert set(compose["services"]) >= {"web", "worker", "beat", "postgres", "redis", "mailpit"}


@pytest.mark.parametrize("service", PORTAL_SERVICES)
def test_portal_services_set_only_settings_that_exist(compose, service):
    environment = compose["services"][service]["environment"]

    unknown = set(environment) - set(VARIABLES)
    assert not unknown, f"{service} sets variables the portal never reads: {unknown}"
    assert environment["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"
    for required in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL"):
        assert required in environment


def test_web_runs_gunicorn_on_the_wsgi_application(compose):
    command = shlex.split(compose["services"]["web"]["command"])
    assert command[0] == "gunicorn"
    module_name, attribute = command[1].split(":")
    module = importlib.import_module(module_name)
    assert callable(getattr(module, attribute))


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
    stages = [line for line in dockerfile.splitlines() if line.startswith("FROM ")]
    assert len(stages) >= 2
    users = [line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    assert "--require-hashes" in dockerfile


def test_web_access_log_leaves_out_query_strings(compose):
    """?near= and ?lat=&lng= carry a visitor's location; it must not reach logs."""
    command = shlex.split(compose["services"]["web"]["command"])
    log_format = command[command.index("--access-logformat") + 1]
    assert "%(U)s" in log_format
    assert "%(q)s" not in log_format and "%(r)s" not in log_format
    dockerfile = (REPO / "Dockerfile").read_text()
    assert "--access-logformat" in dockerfile and "%(q)s" not in dockerfile
