"""The clinician directory: filters that combine, sorting by distance, and
unknown values that never break the page."""

import pytest
from bs4 import BeautifulSoup

from tests.approaches.factories import set_availability

pytestmark = pytest.mark.django_db


def names(client, params=None, path="/clinicians/"):
    response = client.get(path, params)
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card-list .card__title a")]


def test_lists_every_clinician_alphabetically(client, practice):
    assert names(client) == ["Ana Example", "Ben Sample", "Cy Placeholder"]


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"approach": "play-therapy"}, ["Ana Example", "Cy Placeholder"]),
        ({"office": "aurora"}, ["Ana Example", "Cy Placeholder"]),
        ({"age": "adults"}, ["Ben Sample"]),
        ({"language": "es"}, ["Ana Example"]),
        ({"telehealth": "1"}, ["Ana Example", "Cy Placeholder"]),
        ({"availability": "yes"}, ["Ana Example"]),
        ({"availability": "waitlist"}, ["Ben Sample"]),
        ({"approach": "play-therapy", "office": "aurora", "language": "pl"}, ["Cy Placeholder"]),
        ({"approach": "play-therapy", "age": "teens"}, ["Cy Placeholder"]),
        ({"approach": "play-therapy", "availability": "yes", "telehealth": "1"}, ["Ana Example"]),
        ({"approach": "ifs", "office": "aurora"}, []),
    ],
)
def test_filters_combine(client, practice, params, expected):
    assert names(client, params) == expected


@pytest.mark.parametrize(
    "params",
    [
        {"approach": "no-such-approach"},
        {"office": "'; DROP TABLE"},
        {"age": "toddlers"},
        {"language": "xx"},
        {"telehealth": "maybe"},
        {"availability": "sometimes"},
    ],
)
def test_unknown_values_are_ignored(client, practice, params):
    response = client.get("/clinicians/", params)

    assert response.status_code == 200
    assert names(client, params) == ["Ana Example", "Ben Sample", "Cy Placeholder"]


def test_an_empty_result_offers_to_clear_the_filters(client, practice):
    html = client.get("/clinicians/", {"approach": "ifs", "office": "aurora"}).content.decode()

    assert "No clinician matches all of these choices." in html
    assert 'href="/clinicians/">Clear all filters' in html


def test_filter_links_are_shareable_and_keep_their_choices(client, practice):
    soup = BeautifulSoup(client.get("/clinicians/", {"office": "aurora", "telehealth": "1"}).content, "html.parser")

    assert soup.select_one("#filter-office option[selected]")["value"] == "aurora"
    assert soup.select_one("#filter-telehealth").has_attr("checked")
    assert soup.select_one("form.filters")["method"] == "get"


def test_sorts_by_distance_from_a_zip_code(client, practice):
    # Plainfield's ZIP: Ben works there; Ana's nearest office is Naperville, Cy's Aurora.
    html = client.get("/clinicians/", {"near": "60544"}).content.decode()

    assert names(client, {"near": "60544"})[0] == "Ben Sample"
    assert "miles to Plainfield" in html


def test_distance_sort_by_city_combines_with_filters(client, practice):
    # From Oswego, Aurora (Ana, Cy) is nearer than Plainfield (Ben).
    assert names(client, {"near": "Oswego"}) == ["Ana Example", "Cy Placeholder", "Ben Sample"]
    assert names(client, {"near": "Oswego", "age": "adults"}) == ["Ben Sample"]
    assert names(client, {"near": "Oswego", "telehealth": "1", "language": "pl"}) == ["Cy Placeholder"]


def test_an_unknown_place_is_a_clear_400_with_the_list(client, practice):
    response = client.get("/clinicians/", {"near": "Atlantis"})

    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not find a city called" in html
    assert "Ana Example" in html


def test_a_stale_answer_reads_call_to_ask_and_leaves_the_accepting_filter(client, practice, settings):
    settings.AVAILABILITY_STALE_DAYS = 30
    set_availability(practice.ana, "yes", days_ago=31)

    assert names(client, {"availability": "yes"}) == []
    html = client.get("/clinicians/ana-example/").content.decode()
    assert "Call to ask about new clients" in html
    assert "Accepting new clients" not in html
