"""Intake staff read their own offices' inquiries in the admin; nobody else does."""

import csv
import io

import pytest
from django.test import Client
from django.utils import timezone
from tests.locations.inquiries import VISITOR, answers, office

from locations.models import Inquiry, InquiryNotice

pytestmark = pytest.mark.django_db


def login(username):
    client = Client()
    assert client.login(username=username, password="portal-demo")
    return client


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def naperville_inquiry(demo_site):
    Client().post("/locations/naperville/", answers(office()))
    inquiry = Inquiry.objects.get()
    inquiry.notices.update(status="failed", last_error="SMTPDataError")
    return inquiry


# (role, may read Naperville's inquiry)
ROLES = [
    ("admin", True),  # superuser
    ("intake", True),  # Naperville is one of its offices
    ("intake-aurora", False),  # another office's intake
    ("marketing", False),
    ("clinician", False),
    ("reviewer", False),
    ("translator-es", False),
    ("translator-pl", False),
]


@pytest.mark.parametrize("username, allowed", ROLES)
def test_each_role_against_list_detail_export_and_send_again(naperville_inquiry, username, allowed):
    client = login(username)
    pk = naperville_inquiry.pk
    reference = naperville_inquiry.reference.encode()

    listing = client.get("/admin/inquiries/")
    detail = client.get(f"/admin/inquiries/inspect/{pk}/")
    export = client.get("/admin/inquiries/?export=csv")
    send_again = client.post(f"/admin/inquiries/send-again/{pk}/")
    statuses = set(InquiryNotice.objects.values_list("status", flat=True))

    if allowed:
        assert listing.status_code == 200 and reference in body(listing)
        assert detail.status_code == 200 and VISITOR["name"].encode() in body(detail)
        assert export.status_code == 200 and VISITOR["email"].encode() in body(export)
        assert send_again.status_code == 302 and statuses == {"pending"}
    else:
        for response in (listing, detail, export):
            assert reference not in body(response) and VISITOR["name"].encode() not in body(response)
        # Other offices' intake staff get their own (empty) list; other roles no list at all.
        expected_list_status = 200 if username.startswith("intake") else 302
        assert listing.status_code == export.status_code == expected_list_status
        assert detail.status_code == 404  # not even whether it exists
        assert send_again.status_code in (302, 403, 404)
        assert statuses == {"failed"}  # nothing was queued again


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "usage", "delete"])
def test_another_offices_intake_cannot_open_any_view_of_an_inquiry(naperville_inquiry, view):
    url = f"/admin/inquiries/{view}/{naperville_inquiry.pk}/"
    assert login("intake").get(url).status_code in (200, 302)  # its own office (delete: no permission)
    response = login("intake-aurora").get(url)
    assert response.status_code in (302, 403, 404)
    assert naperville_inquiry.reference.encode() not in body(response)


def test_intake_staff_see_only_their_own_offices_in_the_list_and_export(demo_site):
    sender = Client()
    sender.post("/locations/naperville/", answers(office()))
    sender.post("/locations/aurora/", answers(office("aurora"), name="Aurora Visitor"))
    sender.post("/request-an-appointment/", answers(None, office="telehealth", name="Video Visitor"))

    rows = {}
    for username in ("intake", "intake-aurora"):
        export = body(login(username).get("/admin/inquiries/?export=csv")).decode()
        rows[username] = sorted(row["Office"] for row in csv.DictReader(io.StringIO(export)))

    assert rows == {"intake": ["Naperville", "Telehealth (video)"], "intake-aurora": ["Aurora"]}


def test_list_filters_by_office_status_and_email_state(demo_site):
    sender = Client()
    sender.post("/locations/naperville/", answers(office()))
    sender.post("/locations/plainfield/", answers(office("plainfield"), name="Plain Visitor"))
    plainfield = Inquiry.objects.get(office_name="Plainfield")
    plainfield.notices.filter(kind="staff").update(status="failed")
    client = login("intake")

    def references(**params):
        html = client.get("/admin/inquiries/", params).content.decode()
        return {i.office_name for i in Inquiry.objects.all() if i.reference in html}

    assert references(office=str(office("plainfield").translation_key)) == {"Plainfield"}
    assert references(emails="failed") == {"Plainfield"}
    assert references(status="new") == {"Naperville", "Plainfield"}
    today = timezone.localdate().isoformat()
    assert references(created_at_from=today, created_at_to=today) == {"Naperville", "Plainfield"}
    assert references(created_at_to="2020-01-01") == set()


def test_mark_handled_records_who_and_when(naperville_inquiry):
    client = login("intake")
    response = client.post(f"/admin/inquiries/edit/{naperville_inquiry.pk}/", {"status": "handled"})

    assert response.status_code == 302
    naperville_inquiry.refresh_from_db()
    assert naperville_inquiry.status == "handled"
    assert naperville_inquiry.handled_by.username == "intake" and naperville_inquiry.handled_at


def test_export_neutralises_spreadsheet_formulas(demo_site):
    Client().post("/locations/naperville/", answers(office(), name="=HYPERLINK(\"http://x\")"))

    export = body(login("intake").get("/admin/inquiries/?export=csv")).decode()
    [row] = csv.DictReader(io.StringIO(export))
    assert row["Name"] == "'=HYPERLINK(\"http://x\")"


def test_nobody_adds_inquiries_in_the_admin(demo_site):
    assert login("admin").get("/admin/inquiries/new/").status_code in (302, 403)


def test_dashboard_panel_counts_per_office_and_lists_failed_emails(naperville_inquiry):
    html = login("intake").get("/admin/").content.decode()

    assert "Inquiries in the last 8 weeks" in html
    assert "Naperville" in html and naperville_inquiry.reference in html  # failed e-mails listed
    assert "Inquiries in the last 8 weeks" not in login("marketing").get("/admin/").content.decode()
    aurora_panel = login("intake-aurora").get("/admin/").content.decode()
    assert naperville_inquiry.reference not in aurora_panel


def test_only_superusers_assign_intake_staff_to_offices(demo_site):
    from django.contrib.auth import get_user_model

    from locations.models import IntakeAssignment

    assert login("marketing").get("/admin/intake_assignments/").status_code == 302
    assert login("intake").get("/admin/intake_assignments/").status_code == 302

    aurora = office("aurora")
    intake = get_user_model().objects.get(username="intake")
    response = login("admin").post("/admin/intake_assignments/new/", {"user": intake.pk, "office": aurora.pk})
    assert response.status_code == 302
    assert IntakeAssignment.objects.filter(user=intake, office=aurora).exists()


def test_control_characters_never_reach_the_inquiry_or_break_the_xlsx_export(demo_site):
    Client().post("/locations/naperville/", answers(office(), name="Ann\x1bBee\x07"))
    assert Inquiry.objects.get().name == "AnnBee"

    Inquiry.objects.update(name="Old\x1bRow")  # stored before the form stripped them
    response = login("intake").get("/admin/inquiries/?export=xlsx")
    assert response.status_code == 200 and len(body(response)) > 1000
