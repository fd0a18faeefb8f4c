"""/healthz/ tells anyone whether the site is up, and only this machine (or
signed-in staff) what is wrong; a dead dependency never holds a worker."""

import socket
import time

import pytest
from django.test import Client

from portal import health
from portal.celery import app as celery_app
from tests.portal.factories import UserFactory
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db

OUTSIDE = "203.0.113.5"  # a visitor on the internet (TEST-NET-3)


@pytest.mark.smoke
def test_this_machine_sees_each_check(client):
    response = client.get("/healthz/")  # the test client comes from 127.0.0.1

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok", "notifications": "ok"},
        "oldest_pending_notification_seconds": 0,
    }
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.smoke
def test_anyone_else_gets_the_status_only(client):
    response = client.get("/healthz/", REMOTE_ADDR=OUTSIDE)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_signed_in_staff_see_the_details_from_anywhere(roles):
    client = Client()
    sign_in(client, UserFactory(groups=["Clinicians"]))

    assert "checks" in client.get("/healthz/", REMOTE_ADDR=OUTSIDE).json()


def test_allowed_networks_are_configurable(client, settings):
    settings.HEALTHZ_ALLOWED_IPS = ["10.0.0.0/8"]

    assert "checks" in client.get("/healthz/", REMOTE_ADDR="10.4.5.6").json()
    assert "checks" not in client.get("/healthz/", REMOTE_ADDR="127.0.0.1").json()


def test_visitors_behind_the_proxy_do_not_count_as_this_machine(client, settings):
    """The TLS proxy connects from 127.0.0.1; the visitor is who it says in X-Forwarded-For."""
    settings.TRUSTED_PROXY_COUNT = 1

    behind_proxy = client.get("/healthz/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=OUTSIDE)
    forged = client.get("/healthz/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"127.0.0.1, {OUTSIDE}")
    local_probe = client.get("/healthz/", REMOTE_ADDR="127.0.0.1")  # docker's health check, no proxy

    assert behind_proxy.json() == forged.json() == {"status": "ok"}
    assert "checks" in local_probe.json()


@pytest.fixture
def redis_everywhere(settings, redis_server):
    """Cache and broker on a real Redis, as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_server.url + "/1",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = redis_server.url + "/0"
    yield redis_server
    celery_app.conf.broker_url = previous


def test_stopped_redis_makes_healthz_503_naming_cache_and_broker(client, redis_everywhere):
    assert client.get("/healthz/").status_code == 200

    redis_everywhere.stop()
    response = client.get("/healthz/")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["failing"] == ["cache", "broker"]
    assert body["checks"]["database"] == "ok"
    assert client.get("/healthz/", REMOTE_ADDR=OUTSIDE).json() == {"status": "unavailable"}


def test_healthz_recovers_when_redis_comes_back(client, redis_everywhere):
    redis_everywhere.stop()
    assert client.get("/healthz/").status_code == 503

    redis_everywhere.start()

    assert client.get("/healthz/").status_code == 200


@pytest.fixture
def silent_broker():
    """A server that accepts connections and never answers, like a hung Redis."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    yield
    celery_app.conf.broker_url = previous
    listener.close()


def test_a_broker_that_never_answers_fails_its_check_instead_of_holding_the_worker(client, silent_broker, settings):
    started = time.monotonic()
    response = client.get("/healthz/")
    waited = time.monotonic() - started

    assert response.status_code == 503
    assert response.json()["checks"]["broker"] == "timeout"
    assert response.json()["checks"]["database"] == "ok"
    # The broker's own socket timeout is 5 s (and kombu retries); the probe gave up at its deadline.
    assert waited < settings.CELERY_BROKER_TRANSPORT_OPTIONS["socket_timeout"]


def test_a_burst_of_probes_runs_the_checks_once(client, settings):
    settings.HEALTH_CACHE_SECONDS = 60
    runs = []
    health.register("counted", lambda: runs.append(1), needs_database=False)
    try:
        for _probe in range(5):
            assert client.get("/healthz/").status_code == 200
        assert len(runs) == 1

        health.forget()  # as when HEALTH_CACHE_SECONDS have passed
        client.get("/healthz/")
        assert len(runs) == 2
    finally:
        del health.CHECKS["counted"]


def test_healthz_has_no_language_prefix(client):
    assert client.get("/es/healthz/").status_code == 404
