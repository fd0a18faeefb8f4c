"""Real Chromium visits the site; axe-core finds no WCAG violation."""

import pytest

from tests.harness.browser import axe_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# Home and standard pages in each language, with menu, footer and crisis notice; the 404 page; search.
PAGES = {"/": 200, "/es/": 200, "/pl/": 200, "/privacy/": 200, "/es/privacidad/": 200, "/pl/o-nas/": 200,
         "/no-such-page/": 404,
         # Site search: results, the empty state, no results.
         "/search/?q=privacy": 200, "/es/buscar/": 200, "/pl/szukaj/?q=xyz": 200}


def test_no_axe_violations_on_home_and_standard_pages(live_server, live_site_pages, crisis_notices, browser_page):
    problems = axe_report(browser_page, live_server.url, PAGES)

    assert not problems, problems


def test_visitor_switches_language_and_keeps_their_place(live_server, live_site_pages, browser_page):
    browser_page.goto(live_server.url + "/privacy/")

    browser_page.get_by_role("navigation", name="Language").get_by_role("link", name="Polski").click()

    assert browser_page.url == live_server.url + "/pl/prywatnosc/"
    assert browser_page.locator("html").get_attribute("lang") == "pl"
    heading = browser_page.get_by_role("heading", level=1).inner_text()
    assert heading == live_site_pages.privacy["pl"].title


def test_skip_link_moves_focus_to_the_main_content(live_server, live_site_pages, browser_page):
    browser_page.goto(live_server.url + "/es/")

    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Saltar al contenido principal"
    browser_page.keyboard.press("Enter")

    assert browser_page.evaluate("document.activeElement.id") == "main"
