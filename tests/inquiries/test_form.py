"""A visitor asks for an appointment with the form on an office page or the
"Request an appointment" page."""

import threading
import time
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client

from inquiries.forms import issue_form_token
from inquiries.models import Inquiry, InquiryNotice
from tests.inquiries.factories import VISITOR, answers

pytestmark = pytest.mark.django_db


def thanks_url(office):
    return f"/request-an-appointment/thanks/?to={office.pk}#main"


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def summary_lines(response):
    summary = soup(response).find(class_="error-summary")
    return [item.get_text(" ", strip=True) for item in summary.find_all("li")] if summary else []


def test_office_page_offers_the_form_with_that_office_chosen(client, clinic):
    naperville = clinic.offices["naperville"]
    html = client.get("/locations/naperville/").content.decode()

    assert "Request an appointment at our Naperville office" in html
    assert f'<option value="{naperville.pk}" selected>Naperville</option>' in html
    assert 'href="/privacy/"' in html  # the consent box links to the privacy notice
    # Minimum necessary: no field for a parent, a date of birth or a reason.
    for absent in ("parent", "birth", "reason", "diagnosis"):
        assert f'name="{absent}' not in html
    assert 'name="note"' not in html  # the optional note is off by default


@pytest.mark.smoke
def test_visitor_request_is_stored_with_an_outbox_row_per_email(client, clinic):
    naperville = clinic.offices["naperville"]
    response = client.post("/locations/naperville/", answers(naperville))

    assert response.status_code == 303
    assert response["Location"] == thanks_url(naperville)
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.phone) == (VISITOR["name"], VISITOR["email"], "(630) 555-0142")
    assert inquiry.office == naperville and inquiry.office_name == "Naperville"
    assert inquiry.best_times == ["morning", "evening"]
    assert sorted(inquiry.notices.values_list("kind", "status")) == [
        ("staff", "pending"), ("visitor", "pending"),
    ]


@pytest.mark.smoke
def test_contact_details_are_encrypted_in_the_database(client, clinic):
    client.post("/locations/naperville/", answers(clinic.offices["naperville"]))
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, phone FROM inquiries_inquiry")
        stored = " ".join(cursor.fetchone())

    assert "Zuzanna" not in stored and "example.com" not in stored and "0142" not in stored
    assert stored.startswith("gAAAAA")  # Fernet tokens


def test_thank_you_page_says_what_happens_next_with_phone_and_crisis_numbers(client, clinic):
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"]), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "What happens next" in html and "within one business day" in html.lower()
    assert "The intake team of our Naperville office will read your request." in html
    assert 'href="tel:+16307910444"' in html  # the office phone
    assert 'href="tel:988"' in html and 'href="tel:911"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'href="/locations/naperville/">Back to the Naperville office' in html
    assert VISITOR["name"] not in html


def test_choosing_telehealth_on_an_office_page_does_not_thank_in_that_offices_name(client, clinic):
    response = client.post(
        "/locations/naperville/", answers(clinic.offices["naperville"], office="telehealth"), follow=True
    )

    html = response.content.decode()
    assert "Our intake team will read your request." in html
    assert "our Naperville office" not in html
    assert 'href="tel:+16307910444"' in html  # the main number


def test_visitor_without_email_gets_only_the_staff_notice(client, clinic):
    client.post("/locations/naperville/", answers(clinic.offices["naperville"], email="", preferred_contact="phone"))

    assert list(InquiryNotice.objects.values_list("kind", flat=True)) == ["staff"]


def test_no_confirmation_goes_to_an_address_the_visitor_did_not_ask_to_be_contacted_at(client, clinic):
    """They gave an e-mail address but asked to be phoned: nothing is sent there."""
    client.post("/locations/naperville/", answers(clinic.offices["naperville"], preferred_contact="phone"))

    inquiry = Inquiry.objects.get()
    assert inquiry.email == VISITOR["email"]  # kept for the intake team...
    assert list(inquiry.notices.values_list("kind", flat=True)) == ["staff"]  # ...but not written to


def test_request_page_sends_to_any_office_or_telehealth(client, clinic):
    client.post("/request-an-appointment/", answers(None, office="any"))
    client.post("/request-an-appointment/", answers(None, office="telehealth", telehealth_ok=None))

    rows = list(Inquiry.objects.order_by("created_at").values_list("preference", "office_key", "telehealth_ok"))
    assert rows == [("any", None, True), ("telehealth", None, True)]


def test_choosing_an_office_on_the_request_page_thanks_in_that_offices_name(client, clinic):
    aurora = clinic.offices["aurora"]
    response = client.post("/request-an-appointment/", answers(aurora))

    assert response["Location"] == thanks_url(aurora)
    assert Inquiry.objects.get().office_name == "Aurora"
    thanks = client.get(response["Location"]).content.decode()
    assert "The intake team of our Aurora office will read your request." in thanks


def test_spanish_visitor_is_thanked_in_spanish_and_stored_under_the_offices_own_record(
    client, clinic_in_three_languages
):
    clinic = clinic_in_three_languages
    spanish_plainfield = clinic.offices_in["es"]["plainfield"]
    response = client.post("/es/locations/plainfield/", answers(spanish_plainfield, preferred_language="es"))

    assert response["Location"] == f"/es/pedir-una-cita/thanks/?to={spanish_plainfield.pk}#main"
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.office_name) == ("es", "Plainfield")
    assert inquiry.office == clinic.offices["plainfield"]  # the English page: the office's own record
    thanks = client.get(response["Location"])
    assert soup(thanks).html["lang"] == "es"


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": "   "}, "name", "Please tell us your name."),
        ({"email": "not-an-address"}, "email", "Please enter your e-mail address in the form name@example.com."),
        ({"phone": "12345"}, "phone", "Please enter a phone number we can call"),
        ({"phone": "", "email": ""}, "email", "Please give us an e-mail address or a phone number"),
        ({"phone": "", "preferred_contact": "phone"}, "phone", "You asked us to call"),
        ({"consent": None}, "consent", "Please tick the box"),
        ({"age_group": "baby"}, "age_group", "Please choose the age of the person"),
        ({"office": "999999"}, "office", "Please choose an office, any office, or telehealth."),
        ({"name": "x" * 101}, "name", "Please shorten your name to 100 characters or fewer."),
        ({"name": "Ann\x00"}, "name", "Please type your name without special invisible characters."),
        ({"name": "Ann\x1bBee"}, "name", "Please type your name without special invisible characters."),
        ({"name": "Ann \u202eeeB"}, "name", "Please type your name without special invisible characters."),
        ({"name": "Ann\u2066Bee\u2069"}, "name", "Please type your name without special invisible characters."),
        ({"email": "ann\u202e@example.com"}, "email", "Please enter your e-mail address in the form"),
        ({"email": "ann@exam\u202eple.com"}, "email", "Please enter your e-mail address in the form"),
        ({"email": "ann\x07@example.com"}, "email", "Please enter your e-mail address in the form"),
    ],
)
def test_bad_answers_get_a_clear_message_and_nothing_is_saved(client, clinic, changes, field, message):
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], **changes))

    assert response.status_code == 400
    page = soup(response)
    inline = page.find(id=f"id_{field}-error")
    assert inline is not None and message in inline.get_text(), page.find(class_="error-summary")
    assert any(line.startswith(message) for line in summary_lines(response))
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize("language, prefix", [("en", ""), ("es", "/es"), ("pl", "/pl")])
def test_error_summary_lines_read_as_sentences_in_every_language(client, clinic_in_three_languages, language, prefix):
    """Each line is the field's own message: no "Label?: message" run-ons."""
    response = client.post(f"{prefix}/locations/aurora/", {"form_token": issue_form_token(), "email": "nope"})

    assert response.status_code == 400
    page = soup(response)
    lines = summary_lines(response)
    inline = [error.get_text(" ", strip=True) for error in page.select(".form__field .form-error")]
    assert len(lines) >= 7 and sorted(lines) == sorted(inline)
    labels = [label.get_text(" ", strip=True) for label in page.select("#request-form label, #request-form legend")]
    for line in lines:
        assert "?:" not in line and ":" not in line.split(" ")[0]
        assert not any(line.startswith(label) for label in labels if label)
        assert line[0].isupper() and line.endswith("."), line


def test_messages_are_in_the_visitors_language(client, clinic_in_three_languages):
    office = clinic_in_three_languages.offices_in["es"]["naperville"]
    response = client.post("/es/locations/naperville/", answers(office, phone="12345", preferred_contact="phone"))

    html = response.content.decode()
    assert response.status_code == 400
    assert "Please enter a phone number" not in html
    assert "Revise el formulario" in html


def test_the_optional_note_appears_only_when_the_site_turns_it_on(client, clinic):
    clinic.settings.note_enabled = True
    clinic.settings.save()

    html = client.get("/locations/naperville/").content.decode()
    assert 'name="note"' in html and "Please do not include health details." in html

    note = "Evenings after 6 work best.\nThank you."
    client.post("/locations/naperville/", answers(clinic.offices["naperville"], note=note))
    assert Inquiry.objects.get().note == note
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM inquiries_inquiry")
        assert "Evenings" not in cursor.fetchone()[0]


# -- tokens: robots are dropped quietly, people never lose a request -------------------------


def test_honeypot_is_discarded_quietly_with_the_same_thank_you(client, clinic):
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], website="http://spam.example"))

    assert response.status_code == 303 and "/thanks/?to=" in response["Location"]
    assert Inquiry.objects.count() == 0


def test_a_forged_token_is_discarded_quietly(client, clinic):
    forged = issue_form_token(timestamp=time.time() - 60)[:-3] + "abc"
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], form_token=forged))

    assert response.status_code == 303 and "/thanks/?to=" in response["Location"]
    assert Inquiry.objects.count() == 0


def test_a_form_without_its_token_says_it_is_incomplete(client, clinic):
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], form_token=""))

    assert response.status_code == 400
    assert "This form is incomplete" in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.parametrize(
    "shown_seconds_ago", [1, 2 * 24 * 3600], ids=["sent-within-a-second-by-autofill", "open-for-two-days"]
)
def test_a_form_sent_too_fast_or_too_late_comes_back_filled_in_and_goes_through_when_sent_again(
    client, clinic, shown_seconds_ago
):
    naperville = clinic.offices["naperville"]
    first = answers(naperville, form_token=issue_form_token(timestamp=time.time() - shown_seconds_ago))
    response = client.post("/locations/naperville/", first)

    assert response.status_code == 400 and Inquiry.objects.count() == 0
    page = soup(response)
    assert "has not been sent yet" in page.find(class_="error-summary").get_text()
    assert page.find(id="id_name")["value"] == VISITOR["name"]  # nothing to type again
    assert page.find(id="id_email")["value"] == VISITOR["email"]
    fresh_token = page.find("input", attrs={"name": "form_token"})["value"]
    assert fresh_token != first["form_token"]

    # The visitor presses Send again at once: it is stored.
    again = client.post("/locations/naperville/", {**first, "form_token": fresh_token})
    assert again.status_code == 303 and again["Location"] == thanks_url(naperville)
    assert Inquiry.objects.get().name == VISITOR["name"]


def test_double_submit_of_the_same_form_creates_one_inquiry(client, clinic):
    data = answers(clinic.offices["naperville"])
    first = client.post("/locations/naperville/", data)
    second = client.post("/locations/naperville/", data)

    assert first.status_code == second.status_code == 303
    assert Inquiry.objects.count() == 1
    assert InquiryNotice.objects.count() == 2


def test_one_token_stores_one_inquiry_and_a_different_request_is_asked_to_be_sent_again(client, clinic):
    """Back from the thank-you page, a parent asks for their second child with the same form."""
    data = answers(clinic.offices["naperville"])
    client.post("/locations/naperville/", data)

    response = client.post("/locations/naperville/", {**data, "age_group": "child"})

    assert response.status_code == 400
    assert list(Inquiry.objects.values_list("age_group", flat=True)) == ["teen"]  # the token stored one
    page = soup(response)
    assert "already sent one request" in page.find(class_="error-summary").get_text()
    assert page.find(id="id_age_group_0").has_attr("checked")  # "child" kept
    fresh_token = page.find("input", attrs={"name": "form_token"})["value"]

    again = client.post("/locations/naperville/", {**data, "age_group": "child", "form_token": fresh_token})
    assert again.status_code == 303
    assert sorted(Inquiry.objects.values_list("age_group", flat=True)) == ["child", "teen"]


def test_a_post_from_another_site_is_refused_in_the_visitors_language(clinic_in_three_languages):
    browser = Client(enforce_csrf_checks=True)
    office = clinic_in_three_languages.offices_in["es"]["naperville"]
    response = browser.post("/es/locations/naperville/", answers(office), HTTP_SEC_FETCH_SITE="cross-site",
                            HTTP_ORIGIN="https://elsewhere.example")

    assert response.status_code == 403
    assert '<html lang="es">' in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_a_post_from_an_older_browser_naming_another_origin_is_refused(clinic):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/locations/naperville/", answers(clinic.offices["naperville"]),
                            HTTP_ORIGIN="https://elsewhere.example")

    assert response.status_code == 403
    assert Inquiry.objects.count() == 0


def test_the_form_needs_no_csrf_cookie_when_the_browser_says_it_was_sent_from_this_site(clinic):
    """Cached pages carry no CSRF token (portal/csrf.py): the browser's
    Sec-Fetch-Site header stands in for it, for visitors without a session."""
    browser = Client(enforce_csrf_checks=True)
    page = browser.get("/locations/naperville/")
    assert "csrfmiddlewaretoken" not in page.content.decode() and not page.cookies

    response = browser.post("/locations/naperville/", answers(clinic.offices["naperville"]),
                            HTTP_SEC_FETCH_SITE="same-origin")

    assert response.status_code == 303
    assert Inquiry.objects.count() == 1


def test_request_body_is_limited(client, clinic):
    response = client.post("/locations/naperville/", answers(clinic.offices["naperville"], name="x" * 50_000))

    assert response.status_code == 413
    assert "far longer than this form allows" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_a_huge_post_is_refused_before_anything_reads_it_in_the_visitors_language(client, clinic_in_three_languages):
    office = clinic_in_three_languages.offices_in["es"]["naperville"]
    response = client.post("/es/locations/naperville/", answers(office, name="x" * 200_000))

    assert response.status_code == 413
    assert '<html lang="es">' in response.content.decode()
    assert "Lo que envió" in response.content.decode()
    assert Inquiry.objects.count() == 0


def test_a_post_with_thousands_of_fields_gets_a_readable_400(client, clinic_in_three_languages):
    office = clinic_in_three_languages.offices_in["pl"]["naperville"]
    data = answers(office, **{f"e{number}": "" for number in range(1500)})
    response = client.post("/pl/locations/naperville/", urlencode(data, doseq=True),
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert '<html lang="pl">' in response.content.decode()
    assert Inquiry.objects.count() == 0


@pytest.mark.smoke
@pytest.mark.parametrize(
    "to",
    ["٣", "²", "３", "𝟗", "99999999999999999999999999", "9223372036854775808", "-1", "1e3", " 1", "abc", ""],
)
def test_the_thank_you_page_ignores_any_office_id_that_is_not_plain_digits_it_can_look_up(client, clinic, to):
    response = client.get("/request-an-appointment/thanks/", {"to": to})

    assert response.status_code == 200
    assert "Our intake team will read your request." in response.content.decode()


@pytest.mark.slow
def test_the_same_form_posted_four_times_at_the_same_moment_creates_one_inquiry(live_home):
    from tests.inquiries.factories import RequestPageFactory
    from tests.locations.factories import FinderFactory, OfficeFactory

    naperville = OfficeFactory(parent=FinderFactory(parent=live_home), title="Naperville")
    RequestPageFactory(parent=live_home)
    data = answers(naperville)
    start = threading.Barrier(4)
    statuses = []

    def post():
        start.wait()
        statuses.append(Client().post("/locations/naperville/", data).status_code)
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert statuses == [303] * 4
    assert Inquiry.objects.count() == 1 and InquiryNotice.objects.count() == 2


def test_a_private_page_asks_for_its_password_before_taking_a_request(client, clinic):
    from wagtail.models import PageViewRestriction

    naperville = clinic.offices["naperville"]
    naperville.description = "Only for staff while we move in."
    naperville.save_revision().publish()
    PageViewRestriction.objects.create(page=naperville, restriction_type="password", password="opening-day")

    for data in (answers(naperville), {"x": "1"}):
        response = client.post("/locations/naperville/", data)
        assert response.status_code == 200 and b'name="password"' in response.content
        assert b"Only for staff while we move in." not in response.content
    assert Inquiry.objects.count() == 0


def test_a_request_page_for_signed_in_people_sends_others_to_sign_in(client, clinic):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=clinic.request_page, restriction_type="login")

    response = client.post("/request-an-appointment/", answers(None))

    assert response.status_code == 302 and "login" in response["Location"]
    assert Inquiry.objects.count() == 0


def test_a_spanish_visitor_is_thanked_in_spanish_while_the_spanish_request_page_is_a_draft(
    client, clinic_in_three_languages
):
    clinic_in_three_languages.request_page_in["es"].unpublish()
    office = clinic_in_three_languages.offices_in["es"]["aurora"]

    response = client.post("/es/locations/aurora/", answers(office, preferred_language="es"))

    assert response.status_code == 200  # thanked on the page itself, not sent to English
    assert soup(response).html["lang"] == "es"
    assert "Gracias. Hemos recibido su solicitud." in response.content.decode()
    assert Inquiry.objects.get().office_name == "Aurora"


def test_sending_a_form_again_after_its_inquirys_key_was_lost_asks_to_send_it_again(client, clinic, settings):
    from cryptography.fernet import Fernet

    data = answers(clinic.offices["naperville"])
    client.post("/locations/naperville/", data)
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), *settings.INQUIRY_ENCRYPTION_KEYS[1:]]

    response = client.post("/locations/naperville/", data)

    assert response.status_code == 400
    assert "already sent one request" in response.content.decode()
