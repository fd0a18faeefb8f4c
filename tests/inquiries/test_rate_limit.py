"""One visitor may send INQUIRY_RATE_LIMIT requests: counted in Redis before
anything else happens, by the visitor's real address, never a forged one."""

import threading

import pytest
import redis
from django.db import connection
from django.test import Client

from inquiries.models import Inquiry
from tests.inquiries.factories import answers

pytestmark = pytest.mark.django_db


def test_the_limit_answers_429_in_the_visitors_language_and_spares_other_visitors(
    clinic_in_three_languages, redis_cache, settings
):
    settings.INQUIRY_RATE_LIMIT = "3/h"
    office = clinic_in_three_languages.offices_in["es"]["naperville"]
    client = Client()
    statuses = [client.post("/es/locations/naperville/", answers(office)).status_code for _ in range(4)]

    assert statuses == [303, 303, 303, 429]
    assert Inquiry.objects.count() == 3
    refused = client.post("/es/locations/naperville/", answers(office, name="Lucía Ejemplo"))
    assert "desde su conexión" in refused.content.decode()
    assert 'value="Lucía Ejemplo"' in refused.content.decode()  # the answers are kept, to call instead
    english = clinic_in_three_languages.offices["naperville"]
    assert client.post("/locations/naperville/", answers(english), REMOTE_ADDR="10.1.2.3").status_code == 303


def test_a_visitor_correcting_mistakes_is_not_rate_limited(clinic, redis_cache, settings):
    settings.INQUIRY_RATE_LIMIT = "2/h"
    client = Client()
    naperville = clinic.offices["naperville"]
    for _attempt in range(5):  # five tries with a wrong phone number
        assert client.post("/locations/naperville/", answers(naperville, phone="123")).status_code == 400

    assert client.post("/locations/naperville/", answers(naperville)).status_code == 303


def test_redis_holds_no_visitor_addresses(clinic, redis_cache):
    Client().post("/locations/naperville/", answers(clinic.offices["naperville"]), REMOTE_ADDR="198.51.100.23")

    keys = [key.decode() for key in redis.Redis.from_url(redis_cache.url + "/1").keys("*")]
    assert any("inquiries:rate" in key for key in keys)
    assert not any("198.51.100" in key for key in keys)


@pytest.mark.parametrize("proxies", [0, 1])
@pytest.mark.parametrize("forged", ["random", "garbage"])
def test_forged_forwarded_addresses_do_not_escape_the_limit(clinic, redis_cache, settings, proxies, forged):
    """One visitor (198.51.100.7) makes up a new X-Forwarded-For for each post.
    With no proxy the header is ignored; behind one, only the entry the proxy
    appended (the address it saw) counts."""
    settings.INQUIRY_RATE_LIMIT = "3/h"
    settings.TRUSTED_PROXY_COUNT = proxies
    naperville = clinic.offices["naperville"]
    client = Client()
    statuses = []
    for number in range(5):
        made_up = f"203.0.113.{number}" if forged == "random" else f"not-an-address-{number}"
        if proxies:  # what the visitor sends, then what the proxy adds; it connects from loopback
            headers = {"HTTP_X_FORWARDED_FOR": f"{made_up}, 198.51.100.7", "REMOTE_ADDR": "127.0.0.1"}
        else:
            headers = {"HTTP_X_FORWARDED_FOR": made_up, "REMOTE_ADDR": "198.51.100.7"}
        statuses.append(client.post("/locations/naperville/", answers(naperville), **headers).status_code)

    assert statuses == [303, 303, 303, 429, 429]
    assert Inquiry.objects.count() == 3


def test_behind_a_proxy_a_header_that_is_not_an_address_falls_back_to_the_connection(clinic, redis_cache, settings):
    """Someone reaching the app past its proxy, with a junk header, is counted by their own connection."""
    settings.INQUIRY_RATE_LIMIT = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    statuses = [
        client.post("/locations/naperville/", answers(clinic.offices["naperville"]),
                    HTTP_X_FORWARDED_FOR=f"junk-{number}", REMOTE_ADDR="198.51.100.8").status_code
        for number in range(3)
    ]
    assert statuses == [303, 303, 429]


def test_visitors_a_dual_stack_proxy_writes_as_ipv6_are_still_told_apart(clinic, redis_cache, settings):
    """::ffff:198.51.100.1 is the IPv4 visitor 198.51.100.1, not one /64 shared by every IPv4 visitor."""
    settings.INQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    client = Client()
    statuses = [
        client.post("/locations/naperville/", answers(clinic.offices["naperville"]),
                    HTTP_X_FORWARDED_FOR=f"::ffff:198.51.100.{number}", REMOTE_ADDR="::1").status_code
        for number in range(1, 4)
    ]
    assert statuses == [303, 303, 303]


def test_pages_and_the_form_work_with_redis_stopped(clinic, redis_cache):
    client = Client()
    assert client.get("/locations/naperville/").status_code == 200
    redis_cache.stop()

    for path in ("/", "/locations/", "/locations/naperville/", "/request-an-appointment/"):
        assert client.get(path).status_code == 200, path
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"]))
    assert response.status_code == 303 and Inquiry.objects.count() == 1  # the rate limit fails open


@pytest.mark.slow
def test_parallel_posts_cannot_slip_past_the_limit(live_clinic, redis_cache, settings):
    settings.INQUIRY_RATE_LIMIT = "3/h"
    posts = [answers(live_clinic.offices["naperville"], name=f"Parallel visitor {n}") for n in range(10)]
    start = threading.Barrier(len(posts))
    statuses = []

    def post(data):
        start.wait()
        statuses.append(Client().post("/locations/naperville/", data, REMOTE_ADDR="198.51.100.9").status_code)
        connection.close()

    threads = [threading.Thread(target=post, args=(data,)) for data in posts]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [303] * 3 + [429] * 7
    assert Inquiry.objects.count() == 3
