"""/healthz/ says whether the database, cache and broker answer."""

import pytest

from portal.celery import app as celery_app

pytestmark = pytest.mark.django_db


@pytest.mark.smoke
def test_healthy_site_answers_200_with_each_check(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "broker": "ok", "notifications": "ok"},
        "oldest_pending_notification_seconds": 0,
    }
    assert "no-cache" in response["Cache-Control"]


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


def test_healthz_recovers_when_redis_comes_back(client, redis_everywhere):
    redis_everywhere.stop()
    assert client.get("/healthz/").status_code == 503

    redis_everywhere.start()

    assert client.get("/healthz/").status_code == 200


def test_healthz_has_no_language_prefix(client):
    assert client.get("/es/healthz/").status_code == 404
