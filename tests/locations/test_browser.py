"""Visitors use the finder in a real browser; axe-core checks the finder and office pages.

(The appointment form on office pages is tested in tests/inquiries/test_browser.py.)"""

import struct
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from tests.harness.browser import axe_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_visitor_types_a_zip_code_and_sees_the_nearest_office_first(live_server, live_offices, browser_page):
    browser_page.goto(live_server.url + "/locations/")

    browser_page.get_by_label("ZIP code or city").fill("60544")
    browser_page.get_by_role("button", name="Find the nearest office").click()

    first = browser_page.locator(".office-card").first
    expect(first.locator(".office-card__name")).to_have_text("Plainfield")  # once the results arrive
    assert "miles" in first.locator(".office-card__distance").inner_text()


def test_visitor_in_aurora_shares_their_location_in_spanish(live_server, live_offices, browser):
    context = browser.new_context(
        geolocation={"latitude": 41.7606, "longitude": -88.3201},
        permissions=["geolocation"],
        locale="es-US",
    )
    page = context.new_page()
    try:
        page.goto(live_server.url + "/es/locations/")
        page.get_by_role("button", name="Usar mi ubicación").click()
        page.wait_for_url("**/es/locations/?lat=*")

        assert page.locator(".office-card__name").first.inner_text() == "Aurora"
        assert "41.761" in page.url and "-88.320" in page.url  # rounded before it is sent
    finally:
        context.close()


def test_finder_works_without_javascript(live_server, live_offices, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/pl/locations/")
        assert not page.get_by_role("button", name="Użyj mojej lokalizacji").is_visible()

        page.get_by_label("Kod pocztowy lub miasto").fill("Bolingbrook")
        page.get_by_role("button", name="Znajdź najbliższy gabinet").click()

        expect(page.locator(".office-card__name").first).to_have_text("Bolingbrook")  # once the results arrive
    finally:
        context.close()


PAGES = {
    "/locations/": 200,
    "/es/locations/?near=60505": 200,
    "/pl/locations/?near=00000": 400,  # with an error message above the list
    "/locations/naperville/": 200,
    "/es/locations/aurora/": 200,
    "/pl/locations/oswego/": 200,
}


def test_no_axe_violations_on_finder_results_and_office_pages(live_server, live_offices, browser_page):
    problems = axe_report(browser_page, live_server.url, PAGES)

    assert not problems, problems


def _png(size=256, rgb=(228, 236, 226)):
    """A plain square PNG: a stand-in for a map tile."""
    rows = b"".join(b"\x00" + bytes(rgb) * size for _ in range(size))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


@pytest.fixture
def tile_server(settings):
    """A tile server of the test's own, on another port of 127.0.0.1 (so
    another host than the live server's localhost), with MAP_TILE_URL
    pointing at it: nothing leaves the machine."""
    tile = _png()

    class Tiles(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(tile)))
            self.end_headers()
            self.wfile.write(tile)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Tiles)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_port}"
    settings.MAP_TILE_URL = origin + "/tiles/{z}/{x}/{y}.png"
    yield SimpleNamespace(origin=origin)
    server.shutdown()
    server.server_close()


def visit(browser, **options):
    """A new visit (browser context) recording every request and every
    Content-Security-Policy complaint."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.requests = []
    page.csp_problems = []
    context.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: "Content Security Policy" in message.text
            and page.csp_problems.append(message.text))
    return page


def test_map_tiles_and_leaflet_load_only_after_the_visitor_asks(live_server, live_offices, tile_server, browser):
    page = visit(browser)
    try:
        page.goto(live_server.url + "/locations/naperville/")
        button = page.get_by_role("button", name="Show the map (loads map tiles from 127.0.0.1)")
        expect(button).to_be_visible()  # revealed by the script
        expect(page.get_by_role("img", name="Map showing where our Naperville office is")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert all(url.startswith(live_server.url + "/") for url in page.requests), page.requests
        assert not [url for url in page.requests if "leaflet" in url]

        button.click()

        expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
        leaflet = [url for url in page.requests if "/vendor/leaflet/" in url]
        assert live_server.url + "/static/vendor/leaflet/leaflet.js" in leaflet
        assert live_server.url + "/static/vendor/leaflet/leaflet.css" in leaflet
        elsewhere = [url for url in page.requests if not url.startswith(live_server.url + "/")]
        assert elsewhere and all(url.startswith(tile_server.origin + "/tiles/") for url in elsewhere)
        expect(page.get_by_role("img", name="Map showing where our Naperville office is")).to_have_count(0)
        expect(page.get_by_role("region", name="Map of our offices")).to_be_focused()  # the button is gone
        expect(page.locator(".leaflet-control-attribution")).to_contain_text("© OpenStreetMap contributors")
        expect(button).to_be_hidden()

        # The choice holds for the rest of the visit: the next office shows the map at once.
        page.requests.clear()
        page.goto(live_server.url + "/locations/aurora/")
        expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
        expect(page.get_by_role("button", name="Show the map (loads map tiles from 127.0.0.1)")).to_be_hidden()
        assert [url for url in page.requests if url.startswith(tile_server.origin)]
        assert page.csp_problems == []
    finally:
        page.context.close()

    # A new visit asks again.
    page = visit(browser)
    try:
        page.goto(live_server.url + "/locations/aurora/")
        expect(page.get_by_role("button", name="Show the map (loads map tiles from 127.0.0.1)")).to_be_visible()
        expect(page.get_by_role("img", name="Map showing where our Aurora office is")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert all(url.startswith(live_server.url + "/") for url in page.requests), page.requests
        assert not [url for url in page.requests if "leaflet" in url]
    finally:
        page.context.close()


def test_finder_map_without_javascript_is_the_picture_and_the_list(live_server, live_offices, tile_server, browser):
    page = visit(browser, java_script_enabled=False)
    try:
        page.goto(live_server.url + "/es/locations/")

        picture = page.get_by_role("img", name="Mapa que muestra nuestras oficinas")
        expect(picture).to_be_visible()
        assert picture.locator(".office-map__office").count() == 5
        expect(page.locator("[data-office-map-show]")).to_be_hidden()
        assert page.locator(".office-card").count() == 5
        assert all(url.startswith(live_server.url + "/") for url in page.requests), page.requests
    finally:
        page.context.close()


def test_map_follows_reduced_motion(live_server, live_offices, tile_server, browser):
    page = visit(browser, reduced_motion="reduce")
    try:
        page.goto(live_server.url + "/locations/")
        page.locator("[data-office-map-show]").click()

        expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
        # Leaflet marks what it animates with these classes.
        assert "leaflet-fade-anim" not in page.locator("[data-office-map-frame]").get_attribute("class")
        assert page.locator(".leaflet-marker-icon").count() == 5
        assert page.locator(".leaflet-marker-icon.leaflet-zoom-animated").count() == 0
        assert page.csp_problems == []
    finally:
        page.context.close()
