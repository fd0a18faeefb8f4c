"""Intake staff read their own offices' inquiries in the admin; nobody else
does, and what they do with them is on record."""

import csv
import datetime
import io
import re

import pytest
from django.test import Client
from django.utils import timezone

from inquiries.models import Inquiry, InquiryLogEntry, InquiryNotice, IntakeAssignment
from tests.inquiries.factories import VISITOR, InquiryFactory, NoticeFactory
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def login(user):
    """A client signed in as ``user``, past the two-factor step."""
    return sign_in(Client(), user)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def naperville_inquiry(clinic):
    inquiry = InquiryFactory(office_page=clinic.offices["naperville"])
    NoticeFactory(inquiry=inquiry, kind="staff", status="failed", last_error="SMTPDataError")
    NoticeFactory(inquiry=inquiry, kind="visitor", status="failed", last_error="SMTPDataError")
    return inquiry


# (role, may read Naperville's inquiry)
ROLES = [
    ("admin", True),  # superuser
    ("intake", True),  # Naperville is one of its offices
    ("intake_aurora", False),  # another office's intake
    ("marketing", False),
    ("clinician", False),
    ("reviewer", False),
    ("translator_es", False),
    ("translator_pl", False),
]


@pytest.mark.parametrize("role, allowed", ROLES)
def test_each_role_against_list_detail_export_and_send_again(staff, naperville_inquiry, role, allowed):
    client = login(getattr(staff, role))
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
        expected_list_status = 200 if role.startswith("intake") else 302
        assert listing.status_code == export.status_code == expected_list_status
        assert detail.status_code == 404  # not even whether it exists
        assert send_again.status_code in (302, 403, 404)
        assert statuses == {"failed"}  # nothing was queued again


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "usage", "delete"])
def test_another_offices_intake_cannot_open_any_view_of_an_inquiry(staff, naperville_inquiry, view):
    url = f"/admin/inquiries/{view}/{naperville_inquiry.pk}/"
    assert login(staff.intake).get(url).status_code in (200, 302)  # its own office (delete: no permission)
    response = login(staff.intake_aurora).get(url)
    assert response.status_code in (302, 403, 404)
    assert naperville_inquiry.reference.encode() not in body(response)


def test_intake_staff_see_only_their_own_offices_in_the_list_and_export(staff, clinic):
    InquiryFactory(office_page=clinic.offices["naperville"])
    InquiryFactory(office_page=clinic.offices["aurora"], name="Aurora Visitor")
    InquiryFactory(preference="telehealth", name="Video Visitor")

    rows = {}
    for user in (staff.intake, staff.intake_aurora):
        export = body(login(user).get("/admin/inquiries/?export=csv")).decode()
        rows[user.username] = sorted(row["Office"] for row in csv.DictReader(io.StringIO(export)))

    assert rows == {"intake": ["Naperville", "Telehealth (video)"], "intake-aurora": ["Aurora"]}


def test_list_filters_by_office_status_and_email_state(staff, clinic):
    naperville = InquiryFactory(office_page=clinic.offices["naperville"])
    plainfield = InquiryFactory(office_page=clinic.offices["plainfield"], name="Plain Visitor")
    NoticeFactory(inquiry=naperville, status="sent")
    NoticeFactory(inquiry=plainfield, status="failed")
    client = login(staff.intake)

    def offices(**params):
        html = client.get("/admin/inquiries/", params).content.decode()
        return {inquiry.office_name for inquiry in (naperville, plainfield) if inquiry.reference in html}

    assert offices(office=str(clinic.offices["plainfield"].translation_key)) == {"Plainfield"}
    assert offices(emails="failed") == {"Plainfield"}
    assert offices(status="new") == {"Naperville", "Plainfield"}
    today = timezone.localdate().isoformat()
    assert offices(created_at_from=today, created_at_to=today) == {"Naperville", "Plainfield"}
    assert offices(created_at_to="2020-01-01") == set()


def test_mark_handled_records_who_and_when(staff, naperville_inquiry):
    response = login(staff.intake).post(f"/admin/inquiries/edit/{naperville_inquiry.pk}/", {"status": "handled"})

    assert response.status_code == 302
    naperville_inquiry.refresh_from_db()
    assert naperville_inquiry.status == "handled"
    assert naperville_inquiry.handled_by == staff.intake and naperville_inquiry.handled_at


def test_the_detail_shows_received_and_handled_times_in_chicago_time(staff, naperville_inquiry):
    received = datetime.datetime(2026, 7, 3, 2, 30, tzinfo=datetime.UTC)  # 9:30 p.m. on July 2 in Chicago
    handled = datetime.datetime(2026, 1, 15, 15, 5, tzinfo=datetime.UTC)  # 9:05 a.m. in Chicago (CST)
    Inquiry.objects.filter(pk=naperville_inquiry.pk).update(created_at=received, handled_at=handled)

    html = login(staff.intake).get(f"/admin/inquiries/inspect/{naperville_inquiry.pk}/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())

    assert "July 2, 2026, 9:30 p.m." in text
    assert "Jan. 15, 2026, 9:05 a.m." in text
    assert "02:30" not in text and "15:05" not in text


def test_export_neutralises_spreadsheet_formulas(staff, clinic):
    InquiryFactory(office_page=clinic.offices["naperville"], name='=HYPERLINK("http://x")')

    export = body(login(staff.intake).get("/admin/inquiries/?export=csv")).decode()
    [row] = csv.DictReader(io.StringIO(export))
    assert row["Name"] == "'=HYPERLINK(\"http://x\")"


def test_nobody_adds_inquiries_in_the_admin(staff):
    assert login(staff.admin).get("/admin/inquiries/new/").status_code in (302, 403)


def test_dashboard_panel_counts_per_office_and_lists_failed_emails(staff, naperville_inquiry):
    html = login(staff.intake).get("/admin/").content.decode()

    assert "Inquiries in the last 8 weeks" in html
    assert "Naperville" in html and naperville_inquiry.reference in html  # failed e-mails listed
    assert "Inquiries in the last 8 weeks" not in login(staff.marketing).get("/admin/").content.decode()
    aurora_panel = login(staff.intake_aurora).get("/admin/").content.decode()
    assert naperville_inquiry.reference not in aurora_panel


def test_only_superusers_assign_intake_staff_to_offices(staff, clinic):
    assert login(staff.marketing).get("/admin/intake_assignments/").status_code == 302
    assert login(staff.intake).get("/admin/intake_assignments/").status_code == 302

    aurora = clinic.offices["aurora"]
    response = login(staff.admin).post("/admin/intake_assignments/new/", {"user": staff.intake.pk, "office": aurora.pk})
    assert response.status_code == 302
    assert IntakeAssignment.objects.filter(user=staff.intake, office=aurora).exists()


def test_control_characters_stored_before_the_form_refused_them_do_not_break_the_xlsx_export(staff, clinic):
    InquiryFactory(office_page=clinic.offices["naperville"], name="Old\x1bRow")

    response = login(staff.intake).get("/admin/inquiries/?export=xlsx")
    assert response.status_code == 200 and len(body(response)) > 1000


# -- the audit trail ------------------------------------------------------------------------


def entries(inquiry):
    return list(InquiryLogEntry.objects.filter(object_id=str(inquiry.pk)).order_by("timestamp", "pk")
                .values_list("action", "user__username", "label"))


def test_viewing_exporting_handling_and_sending_again_are_recorded_by_reference(staff, naperville_inquiry):
    client = login(staff.intake)
    client.get(f"/admin/inquiries/inspect/{naperville_inquiry.pk}/")
    body(client.get("/admin/inquiries/?export=csv"))
    client.post(f"/admin/inquiries/send-again/{naperville_inquiry.pk}/")
    client.post(f"/admin/inquiries/edit/{naperville_inquiry.pk}/", {"status": "handled"})

    label = f"Inquiry {naperville_inquiry.reference}"
    assert entries(naperville_inquiry) == [
        ("inquiries.view", "intake", label),
        ("inquiries.export", "intake", label),
        ("inquiries.send_again", "intake", label),
        ("inquiries.handled", "intake", label),
    ]
    # The history page shows them; no entry holds anything the visitor wrote.
    history = client.get(f"/admin/inquiries/history/{naperville_inquiry.pk}/").content.decode()
    assert "Viewed" in history and "Exported" in history and "Marked handled" in history
    for entry in InquiryLogEntry.objects.all():
        recorded = f"{entry.label} {entry.data}"
        assert VISITOR["name"] not in recorded and VISITOR["email"] not in recorded


def test_intake_staff_do_not_see_other_offices_entries_in_site_history(staff, clinic):
    naperville = InquiryFactory(office_page=clinic.offices["naperville"])
    aurora = InquiryFactory(office_page=clinic.offices["aurora"])
    login(staff.intake).get(f"/admin/inquiries/inspect/{naperville.pk}/")
    login(staff.intake_aurora).get(f"/admin/inquiries/inspect/{aurora.pk}/")

    def site_history(user):
        return login(user).get("/admin/reports/site-history/").content.decode()

    naperville_view, aurora_view = site_history(staff.intake), site_history(staff.intake_aurora)
    assert naperville.reference in naperville_view and aurora.reference not in naperville_view
    assert aurora.reference in aurora_view and naperville.reference not in aurora_view
    everything = site_history(staff.admin)
    assert naperville.reference in everything and aurora.reference in everything
    for user in (staff.marketing, staff.translator_es):
        seen = site_history(user)
        assert naperville.reference not in seen and aurora.reference not in seen


def test_an_inquiry_that_cannot_be_decrypted_is_named_never_shown_as_ciphertext(staff, naperville_inquiry, settings):
    from cryptography.fernet import Fernet

    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # the old key is lost
    client = login(staff.intake)

    detail = client.get(f"/admin/inquiries/inspect/{naperville_inquiry.pk}/", follow=True)
    html = detail.content.decode()
    assert detail.status_code == 200
    assert f"Inquiry {naperville_inquiry.reference}" in html and "cannot be decrypted" in html
    assert "gAAAAA" not in html
    export = client.get("/admin/inquiries/?export=csv", follow=True)
    assert b"gAAAAA" not in body(export) and b"cannot be decrypted" in body(export)
