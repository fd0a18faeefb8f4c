"""A Redis outage slows nothing down and breaks no page: the cache reads as
empty. (The appointment form's rate limit: tests/inquiries/test_rate_limit.py.)"""

import pytest
from django.test import Client

from portal.client_ip import client_ip

pytestmark = pytest.mark.django_db


def test_pages_work_with_redis_stopped(site_pages, redis_cache):
    client = Client()
    assert client.get("/about/").status_code == 200
    redis_cache.stop()

    for path in ("/", "/es/", "/pl/", "/about/", "/es/privacidad/", "/pl/o-nas/"):
        assert client.get(path).status_code == 200, path
    health = client.get("/healthz/")
    assert health.status_code == 503 and "cache" in health.json()["failing"]


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, "203.0.113.9", "127.0.0.1"),  # no proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # a forged entry on the left is ignored
        (2, "203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "", "127.0.0.1"),
        (1, "6.6.6.6, not-an-address", "127.0.0.1"),  # junk past the proxy: the connection counts
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "::ffff:203.0.113.9", "203.0.113.9"),  # IPv4 as a dual-stack proxy writes it
    ],
)
def test_the_visitor_address_behind_trusted_proxies(rf, settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = rf.post("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == expected
