"""Visitors send the appointment form in a real browser; axe-core checks the pages."""

import pytest

from inquiries.models import Inquiry
from tests.harness.browser import axe_violations, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def fill_in_spanish(page):
    page.get_by_label("Su nombre").fill("Lucía Ejemplo")
    page.get_by_label("Número de teléfono").fill("630 555 0142")
    page.get_by_role("group", name="¿Cómo prefiere que nos comuniquemos con usted?").get_by_label("Teléfono").check()
    page.get_by_role("group", name="¿Para quién es la cita?").get_by_label("Para mí", exact=True).check()
    page.get_by_label("Adulto (de 18 a 64 años)").check()
    page.get_by_label("Entre semana, por la mañana").check()
    page.get_by_label("Acepto que CARE Counseling guarde estos datos").check()


def submit_and_wait(page, name):
    """Press the button and wait for the page it leads to (a click alone does not)."""
    with page.expect_navigation():
        page.get_by_role("button", name=name).click()
    page.wait_for_load_state("load")


def focused_summary_text(page):
    return page.evaluate(
        "() => document.activeElement.matches('.error-summary') ? document.activeElement.innerText : null"
    )


def test_spanish_visitor_asks_for_an_appointment_on_an_office_page(
    live_server, live_clinic_in_three_languages, browser_page, settings
):
    settings.INQUIRY_FORM_MIN_SECONDS = 0  # this visitor takes their time; the robot does not
    page = browser_page
    page.goto(live_server.url + "/es/locations/naperville/")

    fill_in_spanish(page)
    assert axe_violations(page) == [], format_violations(axe_violations(page))
    submit_and_wait(page, "Enviar mi solicitud")

    assert "/es/pedir-una-cita/thanks/?to=" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Gracias. Hemos recibido su solicitud."
    assert page.locator('a[href="tel:+16307910444"]').first.is_visible()
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.office_name, inquiry.phone) == ("es", "Naperville", "(630) 555-0142")
    assert axe_violations(page) == [], format_violations(axe_violations(page))


def test_a_visitor_whose_browser_filled_the_form_at_once_sends_it_again_and_loses_nothing(
    live_server, live_clinic_in_three_languages, browser_page
):
    page = browser_page
    page.goto(live_server.url + "/es/locations/naperville/")
    fill_in_spanish(page)  # as fast as autofill: well under INQUIRY_FORM_MIN_SECONDS
    submit_and_wait(page, "Enviar mi solicitud")

    assert "todavía no se ha enviado" in focused_summary_text(page)
    assert page.get_by_label("Su nombre").input_value() == "Lucía Ejemplo"  # nothing to type again
    assert Inquiry.objects.count() == 0

    submit_and_wait(page, "Enviar mi solicitud")  # at once, again

    assert "/es/pedir-una-cita/thanks/?to=" in page.url
    assert Inquiry.objects.get().name == "Lucía Ejemplo"


def test_form_errors_take_focus_and_link_to_each_field_in_polish(live_server, live_clinic_in_three_languages, browser_page):
    page = browser_page
    page.goto(live_server.url + "/pl/locations/aurora/")
    submit_and_wait(page, "Wyślij zgłoszenie")

    summary = focused_summary_text(page)
    assert summary is not None, "the error summary should have focus"
    assert "Sprawdź formularz" in summary and "Wpisz imię i nazwisko" not in summary
    assert page.locator("html").get_attribute("lang") == "pl"
    assert page.locator("#id_name").get_attribute("aria-invalid") == "true"

    page.locator(".error-summary a").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_name"
    assert axe_violations(page) == [], format_violations(axe_violations(page))


@pytest.mark.parametrize("path", ["/request-an-appointment/", "/pl/umow-wizyte/", "/es/pedir-una-cita/thanks/"])
def test_no_axe_violations_on_the_request_page_and_thank_you_page(
    live_server, live_clinic_in_three_languages, browser_page, path
):
    response = browser_page.goto(live_server.url + path)

    assert response.status == 200
    assert axe_violations(browser_page) == [], format_violations(axe_violations(browser_page))
