"""A Redis outage slows nothing down and breaks no page: the cache reads as empty."""

import pytest
from django.test import Client
from tests.locations.inquiries import answers, office

from locations.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_cache(redis_server, settings):
    settings.CACHES = {"default": {
        "BACKEND": "portal.cache.ResilientRedisCache", "LOCATION": redis_server.url + "/1",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }}
    return redis_server


def test_pages_and_the_form_work_with_redis_stopped(demo_site, redis_cache):
    client = Client()
    assert client.get("/locations/naperville/").status_code == 200
    redis_cache.stop()

    for path in ("/", "/es/locations/", "/locations/naperville/", "/request-an-appointment/"):
        assert client.get(path).status_code == 200, path
    response = client.post("/locations/naperville/", answers(office()))
    assert response.status_code == 303 and Inquiry.objects.count() == 1  # the rate limit fails open
    health = client.get("/healthz/")
    assert health.status_code == 503 and "cache" in health.json()["failing"]


def test_rate_limit_counts_in_redis_and_answers_429_in_the_visitors_language(demo_site, redis_cache, settings):
    settings.INQUIRY_RATE_LIMIT = "3/h"
    client = Client()
    statuses = [client.post("/es/locations/naperville/", answers(office("naperville", "es"))).status_code
                for _ in range(4)]

    assert statuses == [303, 303, 303, 429]
    assert Inquiry.objects.count() == 3
    refused = client.post("/es/locations/naperville/", answers(office("naperville", "es")))
    assert "desde su conexión" in refused.content.decode()
    # Another visitor is not affected.
    assert client.post("/locations/naperville/", answers(office()), REMOTE_ADDR="10.1.2.3").status_code == 303


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "", "127.0.0.1"),
    ],
)
def test_the_visitor_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    from portal.client_ip import client_ip

    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == expected


def test_a_visitor_correcting_mistakes_is_not_rate_limited(demo_site, redis_cache, settings):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    client = Client()
    for _attempt in range(5):  # five tries with a wrong phone number
        assert client.post("/locations/naperville/", answers(office(), phone="123")).status_code == 400

    assert client.post("/locations/naperville/", answers(office())).status_code == 303
