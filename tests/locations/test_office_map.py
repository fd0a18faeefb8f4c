"""The office map starts as a picture drawn by the server: pages load nothing
from another host until the visitor presses "Show the map".

(What the browser loads before and after that click is tested in test_browser.py.)"""

import re

import pytest
from bs4 import BeautifulSoup

from locations.static_map import frame_around, office_map_svg
from locations.templatetags.location_tags import tile_provider
from tests.locations.factories import OfficeFactory

pytestmark = pytest.mark.django_db

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


def page_soup(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def picture(soup):
    [svg] = soup.select(".office-map svg[role=img]")
    return svg


def names(elements):
    return [element.find("text").get_text() for element in elements]


def assert_nothing_from_elsewhere_loads(soup):
    """No Leaflet file and no tile is asked for by the page as served; their
    addresses wait in data- attributes for the click."""
    assert not soup.find("script", src=re.compile("leaflet"))
    assert not soup.find("link", href=re.compile("leaflet"))
    assert not soup.find("img", src=re.compile("openstreetmap"))
    assert not soup.find(src=re.compile(r"^(https?:)?//"))
    assert not soup.find("link", rel="stylesheet", href=re.compile(r"^(https?:)?//"))
    [the_map] = soup.select("[data-office-map]")
    assert the_map["data-tiles"] == TILES
    assert the_map["data-leaflet-js"] == "/static/vendor/leaflet/leaflet.js"
    assert str(soup).count("tile.openstreetmap.org") == 1  # in data-tiles only
    assert soup.find("script", src="/static/js/office-map.js").has_attr("defer")


def assert_fit_for_the_csp(svg):
    """Inline SVG is fine under the strict Content-Security-Policy as long as
    it carries no <style> element and no style attribute."""
    assert not svg.find("style")
    assert not svg.find_all(style=True) and not svg.has_attr("style")


def test_office_page_shows_a_picture_with_its_office_and_the_button(client, offices, settings):
    settings.MAP_TILE_URL = TILES

    soup = page_soup(client, "/locations/naperville/")

    svg = picture(soup)
    assert svg["aria-label"] == "Map showing where our Naperville office is"
    assert names(svg.select(".office-map__office")) == ["Naperville"]
    assert svg.select_one(".office-map__office")["x"] == "50%"  # in the middle
    # The other offices in reach, faintly, for orientation.
    assert set(names(svg.select(".office-map__nearby"))) <= {"Aurora", "Bolingbrook", "Oswego", "Plainfield"}
    assert "Bolingbrook" in names(svg.select(".office-map__nearby"))
    assert_fit_for_the_csp(svg)
    button = soup.find("button", attrs={"data-office-map-show": True})
    assert button.get_text(strip=True) == "Show the map (loads map tiles from OpenStreetMap)"
    assert button.has_attr("hidden")  # JavaScript reveals it; without it there is nothing to press
    assert_nothing_from_elsewhere_loads(soup)


def test_finder_shows_a_picture_with_a_pin_per_office(client, offices, settings):
    settings.MAP_TILE_URL = TILES

    soup = page_soup(client, "/locations/")

    svg = picture(soup)
    assert svg["aria-label"] == "Map showing our offices"
    assert sorted(names(svg.select(".office-map__office"))) == ["Aurora", "Bolingbrook", "Naperville", "Oswego",
                                                                "Plainfield"]
    assert not svg.select(".office-map__nearby")
    assert_fit_for_the_csp(svg)
    assert soup.find("button", attrs={"data-office-map-show": True}).has_attr("hidden")
    assert_nothing_from_elsewhere_loads(soup)


def test_nearest_offices_search_pictures_the_offices_listed(client, offices):
    soup = page_soup(client, "/locations/?near=60544")

    listed = [card.get_text(strip=True) for card in soup.select(".office-card__name")]
    assert sorted(names(picture(soup).select(".office-map__office"))) == sorted(listed)


def test_picture_and_button_in_the_visitors_language(client, translated_offices, settings):
    settings.MAP_TILE_URL = TILES

    spanish = page_soup(client, "/es/locations/")
    polish = page_soup(client, "/pl/locations/aurora/")

    assert picture(spanish)["aria-label"] == "Mapa que muestra nuestras oficinas"
    assert spanish.find("button", attrs={"data-office-map-show": True}).get_text(strip=True) == (
        "Mostrar el mapa (carga los mosaicos del mapa desde OpenStreetMap)")
    assert picture(polish)["aria-label"] == "Mapa pokazująca, gdzie jest nasz gabinet Aurora"
    assert polish.find("button", attrs={"data-office-map-show": True}).get_text(strip=True) == (
        "Pokaż mapę (wczytuje kafelki mapy z serwisu OpenStreetMap)")


def test_without_a_tile_server_the_picture_stays_and_nothing_offers_more(client, finder, settings):
    settings.MAP_TILE_URL = ""
    OfficeFactory(parent=finder, title="Oswego")

    soup = page_soup(client, "/locations/oswego/")

    assert names(picture(soup).select(".office-map__office")) == ["Oswego"]
    assert not soup.find(attrs={"data-office-map-show": True})
    assert not soup.find("script", src="/static/js/office-map.js")


def test_office_without_coordinates_has_no_map(client, finder):
    OfficeFactory(parent=finder, title="Oswego", zip_code="00000")  # no ZIP centre to place it

    soup = page_soup(client, "/locations/oswego/")

    assert not soup.select(".office-map")
    assert soup.find("a", string="Get directions")


def test_projection_keeps_west_left_north_up_and_everyone_inside():
    markers = [{"name": name, "lat": lat, "lng": lng} for name, lat, lng in [
        ("Aurora", 41.7582, -88.2971), ("Bolingbrook", 41.6976, -88.0873), ("Naperville", 41.7662, -88.141),
        ("Oswego", 41.6849, -88.3453), ("Plainfield", 41.6009, -88.1994)]]
    frame = frame_around([(marker["lat"], marker["lng"]) for marker in markers])
    at = {marker["name"]: frame.position(marker["lat"], marker["lng"]) for marker in markers}

    assert at["Oswego"][0] < at["Aurora"][0] < at["Plainfield"][0] < at["Naperville"][0] < at["Bolingbrook"][0]
    assert at["Naperville"][1] < at["Bolingbrook"][1] < at["Plainfield"][1]  # y grows southwards
    for x, y in at.values():
        assert 10 <= x <= 90 and 15 <= y <= 85  # room for pins above and names below
    # One office: alone in the middle, not stretched to fill the picture.
    svg = BeautifulSoup(str(office_map_svg(markers[:1], label="A")), "html.parser")
    assert (svg.select_one(".office-map__office")["x"], svg.select_one(".office-map__office")["y"]) == ("50%", "58%")


def test_office_names_are_escaped_in_the_picture():
    svg = str(office_map_svg([{"name": "<b>A & B</b>", "lat": 41.7, "lng": -88.1}], label='Map "A"'))

    assert "&lt;b&gt;A &amp; B&lt;/b&gt;" in svg
    assert 'aria-label="Map &quot;A&quot;"' in svg


@pytest.mark.parametrize("url, provider", [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "OpenStreetMap"),
    ("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", "OpenStreetMap"),
    ("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "tiles.example.org"),
])
def test_button_names_who_serves_the_tiles(url, provider):
    assert tile_provider(url) == provider
