"""Visitors find the nearest office by ZIP code, Illinois city or their position."""

import logging

import pytest
from bs4 import BeautifulSoup

from locations.geocoding import zip_centroid
from tests.locations.factories import make_offices
from tests.portal.factories import translate

FIVE_TOWNS = ["Aurora", "Bolingbrook", "Naperville", "Oswego", "Plainfield"]
pytestmark = pytest.mark.django_db


def office_names(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select(".office-list .office-card__name")]


def finder_error(response):
    soup = BeautifulSoup(response.content, "html.parser")
    error = soup.find(id="near-error")
    return error.get_text(strip=True) if error else ""


@pytest.mark.smoke
@pytest.mark.parametrize(
    "zip_code, nearest",
    [
        ("60544", "Plainfield"),
        ("60540", "Naperville"),
        ("60505", "Aurora"),
        ("60543", "Oswego"),
        ("60440", "Bolingbrook"),
    ],
)
def test_zip_code_puts_the_nearest_office_first(client, offices, zip_code, nearest):
    response = client.get("/locations/", {"near": zip_code})

    assert response.status_code == 200
    names = office_names(response)
    assert names[0] == nearest
    assert sorted(names) == FIVE_TOWNS


def test_results_show_distance_status_and_phone_in_order(client, offices):
    soup = BeautifulSoup(client.get("/locations/", {"near": "60544"}).content, "html.parser")
    cards = soup.select(".office-card")

    distances = [float(card.select_one(".office-card__distance").get_text().split()[0]) for card in cards]
    assert distances == sorted(distances)
    assert distances[0] < 1
    assert all(card.select_one(".office-card__status").get_text(strip=True) for card in cards)
    assert all(card.find("a", href="tel:+16307910444") for card in cards)


@pytest.mark.parametrize(
    "city, nearest",
    [("Plainfield", "Plainfield"), ("aurora, il", "Aurora"), ("  NAPERVILLE  Illinois", "Naperville"),
     ("Romeoville", "Bolingbrook"), ("North Aurora", "Aurora")],
)
def test_illinois_city_name_works_like_a_zip_code(client, offices, city, nearest):
    response = client.get("/locations/", {"near": city})

    assert response.status_code == 200
    assert office_names(response)[0] == nearest


@pytest.mark.parametrize(
    "lat, lng, nearest",
    [("41.7606", "-88.3201", "Aurora"), ("41.6", "-88.2", "Plainfield"), ("41.78", "-88.15", "Naperville")],
)
def test_browser_position_ranks_offices(client, offices, lat, lng, nearest):
    response = client.get("/locations/", {"lat": lat, "lng": lng})

    assert response.status_code == 200
    assert office_names(response)[0] == nearest


@pytest.mark.smoke
def test_without_a_place_every_office_is_listed_alphabetically(client, offices):
    response = client.get("/locations/")

    assert office_names(response) == FIVE_TOWNS
    assert not finder_error(response)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"near": "00000"}, "We do not know the ZIP code 00000"),
        ({"near": "99999-1234"}, "We do not know the ZIP code 99999"),
        ({"near": "Springfeld"}, "We could not find a city called “Springfeld” in Illinois"),
        ({"near": "Toronto"}, "We could not find a city called “Toronto” in Illinois"),
        ({"near": "K1A 0B1"}, "That does not look like a US ZIP code"),
        ({"near": "SW1A 1AA"}, "That does not look like a US ZIP code"),
        ({"near": "123"}, "That does not look like a US ZIP code"),
        ({"near": "6" * 500}, "That is too long"),
        ({"near": "<script>alert('x')</script>"}, "We could not find a city called"),
        ({"near": "Plain\x00field"}, ""),  # control characters are dropped: finds Plainfield
        ({"near": "‮dleifnialP"}, "We could not find a city called"),
        ({"lat": "91", "lng": "-88"}, "We could not use your location"),
        ({"lat": "41.7", "lng": "-181"}, "We could not use your location"),
        ({"lat": "nan", "lng": "nan"}, "We could not use your location"),
        ({"lat": "inf", "lng": "1"}, "We could not use your location"),
        ({"lat": "41.7"}, "We could not use your location"),
        ({"lat": "forty", "lng": "-88"}, "We could not use your location"),
        ({"lat": "1e999", "lng": "-88"}, "We could not use your location"),
    ],
)
def test_bad_input_gets_a_clear_message_above_the_full_list(client, offices, params, message):
    response = client.get("/locations/", params)

    if message:
        assert response.status_code == 400
        assert message in finder_error(response)
        assert len(office_names(response)) == 5
        assert b"<script>alert(" not in response.content
    else:
        assert response.status_code == 200
        assert office_names(response)[0] == "Plainfield"


@pytest.mark.parametrize(
    "prefix, expected",
    [
        ("/es", "No conocemos el código postal 00000"),
        ("/pl", "Nie znamy kodu pocztowego 00000"),
    ],
)
def test_messages_are_in_the_visitors_language(client, finders, prefix, expected):
    response = client.get(f"{prefix}/locations/", {"near": "00000"})

    assert response.status_code == 400
    assert expected in finder_error(response)


def test_visitor_location_is_not_logged(client, offices, caplog):
    with caplog.at_level(logging.DEBUG):
        client.get("/locations/", {"lat": "41.76061", "lng": "-88.32012"})
        client.get("/locations/", {"near": "60586"})

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "41.76061" not in logged and "60586" not in logged


def test_geonames_is_credited(client, finder):
    soup = BeautifulSoup(client.get("/locations/").content, "html.parser")

    assert soup.find("a", href="https://www.geonames.org/")


def test_nearest_office_just_outside_the_search_box_is_not_missed(client, finder):
    """Ten offices in the box's far corners must not hide a nearer one due north."""
    origin = zip_centroid("60544")
    corners = [(origin.latitude + 0.95, origin.longitude + 1.2 + i * 0.01) for i in range(10)]
    make_offices(10, finder, coordinates=corners)  # about 90 miles away, inside the 75-mile box
    [north] = make_offices(1, finder, coordinates=[(origin.latitude + 1.13, origin.longitude)])  # 78 miles

    names = office_names(client.get("/locations/", {"near": "60544"}))

    assert names[0] == north.title


@pytest.mark.parametrize("typed", ["６０５４４", "٦٠٥٤٤"])
def test_zip_codes_typed_in_other_digit_scripts_work(client, offices, typed):
    response = client.get("/locations/", {"near": typed})

    assert response.status_code == 200
    assert office_names(response)[0] == "Plainfield"


def test_office_not_yet_translated_is_still_listed_for_spanish_visitors(client, translated_offices, finder):
    """A new office whose Spanish translation is still a draft shows from English."""
    [joliet] = make_offices(1, finder, coordinates=[(41.5250, -88.0817)])  # Joliet
    translate(joliet, "es", live=False)

    listed = office_names(client.get("/es/locations/"))
    nearest_to_joliet = office_names(client.get("/es/locations/", {"near": "60432"}))

    assert joliet.title in listed and len(listed) == 6
    assert nearest_to_joliet[0] == joliet.title
    assert office_names(client.get("/es/locations/", {"near": "60544"}))[0] == "Plainfield"
