"""Demo appointment requests: the request page in three languages, the
form's settings, and two intake logins, each reading its own offices.

The intake addresses are examples (example.org). ``load_demo`` calls ``load()``
after the offices exist.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Site

from inquiries.models import AppointmentRequestPage, InquirySettings, IntakeAssignment
from inquiries.roles import INTAKE
from locations.models import LocationPage
from portal.demo import DEMO_PASSWORD
from portal.demo_translations import publish_translation
from portal.models import HomePage, StandardPage

ORDER = 20

REQUEST_PAGE = {
    "title": "Request an appointment",
    "slug": "request-an-appointment",
    "intro": "Tell us how to reach you and what suits you; our intake team will get back to you.",
}
PHRASEBOOKS = {
    "es": {
        "Request an appointment": "Pedir una cita",
        "request-an-appointment": "pedir-una-cita",
        REQUEST_PAGE["intro"]:
            "Díganos cómo contactarle y qué le conviene; nuestro equipo de admisión le responderá.",
    },
    "pl": {
        "Request an appointment": "Umów wizytę",
        "request-an-appointment": "umow-wizyte",
        REQUEST_PAGE["intro"]:
            "Napisz, jak się z Tobą skontaktować i co Ci odpowiada; nasz zespół przyjęć odezwie się.",
    },
}
DEFAULT_INTAKE_EMAIL = "intake@example.org"
# Intake staff read only their own offices' requests (None: "any office" and telehealth).
INTAKE_USERS = [
    ("intake", ["Naperville", "Plainfield", "Bolingbrook", None],
     "inquiries for Naperville, Plainfield, Bolingbrook and 'any office'"),
    ("intake-aurora", ["Aurora", "Oswego"], "inquiries for Aurora and Oswego only"),
]


def _request_page(home):
    page = AppointmentRequestPage.objects.child_of(home).first()
    if page is not None:
        return page, False
    page = AppointmentRequestPage(locale=home.locale, show_in_menus=True, **REQUEST_PAGE)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def _settings(home):
    """Where notices go when an office has no address, and the consent box's link."""
    inquiry_settings = InquirySettings.for_site(Site.objects.get(root_page=home))
    if inquiry_settings.default_intake_email:
        return False
    inquiry_settings.default_intake_email = DEFAULT_INTAKE_EMAIL
    inquiry_settings.privacy_page = StandardPage.objects.child_of(home).filter(slug="privacy").first()
    inquiry_settings.save()
    return True


def _intake_team(home):
    """Each intake login reads its own offices' requests only."""
    group = Group.objects.get(name=INTAKE)
    offices = {office.title: office for office in LocationPage.objects.descendant_of(home)}
    User = get_user_model()
    logins = []
    for username, office_names, what in INTAKE_USERS:
        user, new = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": "Intake", "last_name": "(demo)"},
        )
        if new:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(group)
        for name in office_names:
            IntakeAssignment.objects.get_or_create(user=user, office=offices.get(name) if name else None)
        logins.append((username, what))
    return logins


def load(progress):
    created = 0
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en", depth=2)
        request_page, new = _request_page(home)
        created += new
        for code in ("es", "pl"):
            created += publish_translation(request_page, code, PHRASEBOOKS[code]) is not None
        progress("the request page, in English, Spanish and Polish")
        created += _settings(home)
        progress(f"Settings > Appointment requests (default intake address {DEFAULT_INTAKE_EMAIL})")
        logins = _intake_team(home)
        progress("intake staff and the offices each may read")
    return created, logins
