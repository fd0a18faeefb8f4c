"""Visitors use the finder in a real browser; axe-core checks the pages."""

import pytest

from tests.harness.browser import axe_violations, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_visitor_types_a_zip_code_and_sees_the_nearest_office_first(live_server, live_demo_site, browser_page):
    browser_page.goto(live_server.url + "/locations/")

    browser_page.get_by_label("ZIP code or city").fill("60544")
    browser_page.get_by_role("button", name="Find the nearest office").click()

    first = browser_page.locator(".office-card").first
    assert first.locator(".office-card__name").inner_text() == "Plainfield"
    assert "miles" in first.locator(".office-card__distance").inner_text()


def test_visitor_in_aurora_shares_their_location_in_spanish(live_server, live_demo_site, browser):
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


def test_finder_works_without_javascript(live_server, live_demo_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/pl/locations/")
        assert not page.get_by_role("button", name="Użyj mojej lokalizacji").is_visible()

        page.get_by_label("Kod pocztowy lub miasto").fill("Bolingbrook")
        page.get_by_role("button", name="Znajdź najbliższy gabinet").click()

        assert page.locator(".office-card__name").first.inner_text() == "Bolingbrook"
    finally:
        context.close()


PAGES = [
    "/locations/",
    "/es/locations/?near=60505",
    "/pl/locations/?near=00000",  # with an error message
    "/locations/naperville/",
    "/es/locations/aurora/",
    "/pl/locations/oswego/",
    "/request-an-appointment/",
    "/pl/umow-wizyte/",
    "/es/locations/naperville/thanks/",
]


def test_no_axe_violations_on_finder_results_and_office_pages(live_server, live_demo_site, browser_page):
    problems = {}
    for path in PAGES:
        browser_page.goto(live_server.url + path)
        browser_page.wait_for_load_state("load")
        violations = axe_violations(browser_page)
        if violations:
            problems[path] = format_violations(violations)

    assert not problems, "\n\n".join(f"{path}:\n{text}" for path, text in problems.items())


def test_spanish_visitor_asks_for_an_appointment_on_an_office_page(live_server, live_demo_site, browser_page, settings):
    from locations.models import Inquiry

    settings.INQUIRY_FORM_MIN_SECONDS = 0  # a browser robot fills the form faster than a person
    page = browser_page
    page.goto(live_server.url + "/es/locations/naperville/")

    page.get_by_label("Su nombre").fill("Lucía Ejemplo")
    page.get_by_label("Número de teléfono").fill("630 555 0142")
    page.get_by_role("group", name="¿Cómo prefiere que nos comuniquemos con usted?").get_by_label("Teléfono").check()
    page.get_by_role("group", name="¿Para quién es la cita?").get_by_label("Para mí", exact=True).check()
    page.get_by_label("Adulto (de 18 a 64 años)").check()
    page.get_by_label("Entre semana, por la mañana").check()
    page.get_by_label("Acepto que CARE Counseling guarde estos datos").check()
    page.get_by_role("button", name="Enviar mi solicitud").click()

    page.wait_for_url("**/es/locations/naperville/thanks/?to=*")
    assert page.get_by_role("heading", level=1).inner_text() == "Gracias. Hemos recibido su solicitud."
    assert page.locator('a[href="tel:+16307910444"]').first.is_visible()
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.office_name, inquiry.phone) == ("es", "Naperville", "(630) 555-0142")
    assert axe_violations(page) == [], format_violations(axe_violations(page))


def test_form_errors_are_announced_and_linked_in_polish(live_server, live_demo_site, browser_page):
    page = browser_page
    page.goto(live_server.url + "/pl/locations/aurora/")
    page.locator("#request-form button[type=submit]").click()

    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"
    assert axe_violations(page) == [], format_violations(axe_violations(page))
