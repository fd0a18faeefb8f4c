"""A visitor asks for an appointment with the form on an office page or the
"Request an appointment" page."""

import time

import pytest
from django.db import connection
from django.test import Client
from tests.locations.inquiries import VISITOR, answers, inquiries, office

from locations.forms import issue_form_token
from locations.models import Inquiry, InquiryNotice
from portal.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_office_page_offers_the_form_with_that_office_chosen(client, demo_site):
    naperville = office()
    html = client.get("/locations/naperville/").content.decode()

    assert "Request an appointment at our Naperville office" in html
    assert f'<option value="{naperville.pk}" selected>Naperville</option>' in html
    assert 'href="/privacy/"' in html  # the consent box links to the privacy notice
    # Minimum necessary: no field for a parent, a date of birth or a reason.
    for absent in ("parent", "birth", "reason", "diagnosis"):
        assert f'name="{absent}' not in html
    assert 'name="note"' not in html  # the optional note is off by default


@pytest.mark.smoke
def test_visitor_request_is_stored_with_an_outbox_row_per_email(client, demo_site):
    naperville = office()
    response = client.post("/locations/naperville/", answers(naperville))

    assert response.status_code == 303
    assert response["Location"] == f"/locations/naperville/thanks/?to={naperville.pk}#main"
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.phone) == (VISITOR["name"], VISITOR["email"], "(630) 555-0142")
    assert inquiry.office_name == "Naperville" and inquiry.office_key == naperville.translation_key
    assert inquiry.best_times == ["morning", "evening"]
    assert sorted(inquiry.notices.values_list("kind", "status")) == [
        ("staff", "pending"), ("visitor", "pending"),
    ]


@pytest.mark.smoke
def test_contact_details_are_encrypted_in_the_database(client, demo_site):
    client.post("/locations/naperville/", answers(office()))
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, email, phone FROM locations_inquiry")
        stored = " ".join(cursor.fetchone())

    assert "Zuzanna" not in stored and "example.com" not in stored and "0142" not in stored
    assert stored.startswith("gAAAAA")  # Fernet tokens


def test_thank_you_page_says_what_happens_next_with_phone_and_crisis_numbers(client, demo_site):
    response = client.post("/locations/naperville/", answers(office()), follow=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert "What happens next" in html and "within one business day" in html.lower()
    assert 'href="tel:+16307910444"' in html  # the office phone
    assert 'href="tel:988"' in html and 'href="tel:911"' in html
    assert '<meta name="robots" content="noindex">' in html
    assert VISITOR["name"] not in html


def test_choosing_telehealth_on_an_office_page_does_not_thank_in_that_offices_name(client, demo_site):
    response = client.post("/locations/naperville/", answers(office(), office="telehealth"), follow=True)

    html = response.content.decode()
    assert "Our intake team will read your request." in html
    assert "our Naperville office" not in html
    assert 'href="tel:+16307910444"' in html  # the main number


def test_visitor_without_email_gets_only_the_staff_notice(client, demo_site):
    client.post("/locations/naperville/", answers(office(), email=""))

    assert list(InquiryNotice.objects.values_list("kind", flat=True)) == ["staff"]


def test_request_page_sends_to_any_office_or_telehealth(client, demo_site):
    client.post("/request-an-appointment/", answers(None, office="any"))
    client.post("/request-an-appointment/", answers(None, office="telehealth", telehealth_ok=None))

    rows = list(Inquiry.objects.order_by("created_at").values_list("preference", "office_key", "telehealth_ok"))
    assert rows == [("any", None, True), ("telehealth", None, True)]


def test_choosing_an_office_on_the_request_page_thanks_in_that_offices_name(client, demo_site):
    aurora = office("aurora")
    response = client.post("/request-an-appointment/", answers(aurora))

    assert response["Location"] == f"/request-an-appointment/thanks/?to={aurora.pk}#main"
    assert Inquiry.objects.get().office_name == "Aurora"
    thanks = client.get(response["Location"]).content.decode()
    assert "The intake team of our Aurora office will read your request." in thanks


def test_spanish_visitor_choosing_a_spanish_office_is_stored_under_its_english_name(client, demo_site):
    plainfield = office("plainfield", "es")
    response = client.post("/es/locations/plainfield/", answers(plainfield, preferred_language="es"))

    assert response["Location"] == f"/es/locations/plainfield/thanks/?to={plainfield.pk}#main"
    inquiry = Inquiry.objects.get()
    assert (inquiry.language, inquiry.office_name) == ("es", "Plainfield")
    assert inquiry.office_key == office("plainfield").translation_key


@pytest.mark.parametrize(
    "changes, field, message",
    [
        ({"name": "   "}, "name", "This field is required."),
        ({"email": "not-an-address", "preferred_contact": "email"}, "email", "Enter a valid email address."),
        ({"phone": "12345"}, "phone", "Enter a phone number we can call"),
        ({"phone": "", "email": ""}, None, "Give us an e-mail address or a phone number"),
        ({"phone": "", "preferred_contact": "phone"}, "phone", "You asked us to call"),
        ({"consent": None}, "consent", "Please tick the box"),
        ({"age_group": "baby"}, "age_group", "Select a valid choice."),
        ({"office": "999999"}, "office", "Select a valid choice."),
        ({"name": "x" * 101}, "name", "Ensure this value has at most 100 characters"),
        ({"name": "Ann\x00"}, "name", "Null characters are not allowed."),
    ],
)
def test_bad_answers_get_a_clear_message_and_nothing_is_saved(client, demo_site, changes, field, message):
    response = client.post("/locations/naperville/", answers(office(), **changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    if field:
        assert 'aria-invalid="true"' in response.content.decode() or field in ("age_group", "consent")
    assert inquiries() == 0


def test_messages_are_in_the_visitors_language(client, demo_site):
    response = client.post("/es/locations/naperville/", answers(office("naperville", "es"), phone="12345"))

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter a phone number" not in html
    assert "Revise el formulario" in html or "formulario" in html


def test_the_optional_note_appears_only_when_the_site_turns_it_on(client, demo_site):
    site_settings = SiteSettings.objects.get()
    site_settings.inquiry_note_enabled = True
    site_settings.save()

    html = client.get("/locations/naperville/").content.decode()
    assert 'name="note"' in html and "Please do not include health details." in html

    client.post("/locations/naperville/", answers(office(), note="Evenings after 6 work best."))
    assert Inquiry.objects.get().note == "Evenings after 6 work best."
    with connection.cursor() as cursor:
        cursor.execute("SELECT note FROM locations_inquiry")
        assert "Evenings" not in cursor.fetchone()[0]


# -- abuse -------------------------------------------------------------------------------


def test_honeypot_is_discarded_quietly_with_the_same_thank_you(client, demo_site):
    response = client.post("/locations/naperville/", answers(office(), website="http://spam.example"))

    assert response.status_code == 303 and "/thanks/?to=" in response["Location"]
    assert inquiries() == 0


@pytest.mark.parametrize(
    "make_token",
    [
        lambda: issue_form_token(timestamp=time.time() - 1),  # too fast for a person
        lambda: issue_form_token(timestamp=time.time() - 2 * 24 * 3600),  # shown two days ago
        lambda: issue_form_token()[:-3] + "abc",  # forged signature
        lambda: "",
    ],
    ids=["too-fast", "too-old", "forged", "missing"],
)
def test_form_tokens_too_fast_too_old_or_forged_are_discarded_quietly(client, demo_site, make_token):
    token = make_token()
    response = client.post("/locations/naperville/", answers(office(), form_token=token))

    if token:
        assert response.status_code == 303 and "/thanks/?to=" in response["Location"]
    else:  # a missing hidden field is a broken form, and says so
        assert response.status_code == 400
    assert inquiries() == 0


def test_double_submit_of_the_same_form_creates_one_inquiry(client, demo_site):
    data = answers(office())
    first = client.post("/locations/naperville/", data)
    second = client.post("/locations/naperville/", data)

    assert first.status_code == second.status_code == 303
    assert inquiries() == 1
    assert InquiryNotice.objects.count() == 2


def test_a_different_request_sent_again_from_the_same_page_is_kept(client, demo_site):
    """Back from the thank-you page, a parent asks for their second child."""
    data = answers(office())
    client.post("/locations/naperville/", data)
    client.post("/locations/naperville/", {**data, "age_group": "child"})

    assert sorted(Inquiry.objects.values_list("age_group", flat=True)) == ["child", "teen"]


def test_csrf_token_is_required(demo_site):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/es/locations/naperville/", answers(office("naperville", "es")))

    assert response.status_code == 403
    assert '<html lang="es">' in response.content.decode()
    assert inquiries() == 0


def test_request_body_is_limited(client, demo_site):
    response = client.post("/locations/naperville/", answers(office(), name="x" * 50_000))

    assert response.status_code == 413
    assert "far longer than this form allows" in response.content.decode()
    assert inquiries() == 0


@pytest.mark.slow
def test_the_same_form_posted_twice_at_the_same_moment_creates_one_inquiry(live_demo_site):
    import threading

    data = answers(office())
    start = threading.Barrier(4)
    statuses = []

    def post():
        from django.db import connection

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


def test_a_huge_post_is_refused_before_anything_reads_it_in_the_visitors_language(client, demo_site):
    response = client.post("/es/locations/naperville/", answers(office("naperville", "es"), name="x" * 200_000))

    assert response.status_code == 413
    assert '<html lang="es">' in response.content.decode()
    assert "Lo que envió" in response.content.decode()
    assert inquiries() == 0


def test_a_post_with_thousands_of_fields_gets_a_readable_400(client, demo_site):
    from urllib.parse import urlencode

    data = answers(office(), **{f"e{number}": "" for number in range(1500)})
    response = client.post("/pl/locations/naperville/", urlencode(data, doseq=True),
                           content_type="application/x-www-form-urlencoded")

    assert response.status_code == 400
    assert '<html lang="pl">' in response.content.decode()
    assert inquiries() == 0
