"""Visitors use the finder in a real browser; axe-core checks the finder and office pages.

(The appointment form on office pages is tested in tests/inquiries/test_browser.py.)"""

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
