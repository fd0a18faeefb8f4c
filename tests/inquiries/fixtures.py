"""A clinic that takes appointment requests, built with factories: offices,
the request page, the form's settings, and the staff of every role."""

from io import StringIO
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from wagtail.models import Site

from inquiries.models import InquirySettings
from portal import roles as site_roles
from tests.inquiries.factories import IntakeUserFactory, RequestPageFactory
from tests.locations.factories import FinderFactory
from tests.locations.fixtures import five_offices
from tests.portal.factories import StandardPageFactory, UserFactory, translate

REQUEST_PAGE_TRANSLATIONS = {
    "es": {"title": "Pedir una cita", "slug": "pedir-una-cita"},
    "pl": {"title": "Umów wizytę", "slug": "umow-wizyte"},
}
PRIVACY_TRANSLATIONS = {
    "es": {"title": "Privacidad", "slug": "privacidad"},
    "pl": {"title": "Prywatność", "slug": "prywatnosc"},
}


def _clinic(home, offices):
    privacy = StandardPageFactory(parent=home, title="Privacy notice", slug="privacy", show_in_footer=True)
    request_page = RequestPageFactory(parent=home)
    inquiry_settings = InquirySettings.for_site(Site.objects.get(root_page=home))
    inquiry_settings.default_intake_email = "intake@example.org"
    inquiry_settings.privacy_page = privacy
    inquiry_settings.save()
    return SimpleNamespace(home=home, offices=offices, request_page=request_page, privacy=privacy,
                           settings=inquiry_settings)


@pytest.fixture
def clinic(roles, home, offices):
    """The five offices in English, the request page and Settings > Appointment requests."""
    return _clinic(home, offices)


def _translate_request_pages(clinic):
    clinic.request_page_in = {"en": clinic.request_page}
    for code in ("es", "pl"):
        translate(clinic.privacy, code, **PRIVACY_TRANSLATIONS[code])
        clinic.request_page_in[code] = translate(clinic.request_page, code, **REQUEST_PAGE_TRANSLATIONS[code])
    return clinic


@pytest.fixture
def clinic_in_three_languages(homes, translated_offices, roles):
    """The clinic with every page in English, Spanish and Polish."""
    clinic = _clinic(homes["en"], translated_offices["en"])
    clinic.offices_in = translated_offices
    return _translate_request_pages(clinic)


@pytest.fixture
def staff(clinic):
    """One person per role; intake staff each read their own offices.

    ``intake``: Naperville, Plainfield, Bolingbrook and requests naming no
    office; ``intake_aurora``: Aurora and Oswego."""
    offices = clinic.offices
    return SimpleNamespace(
        admin=UserFactory(username="admin", is_superuser=True, is_staff=True),
        marketing=UserFactory(username="marketing", groups=[site_roles.MARKETING]),
        clinician=UserFactory(username="clinician", groups=[site_roles.CLINICIANS]),
        reviewer=UserFactory(username="reviewer", groups=[site_roles.CLINICAL_REVIEWERS]),
        translator_es=UserFactory(username="translator-es", groups=[site_roles.TRANSLATOR_GROUPS["es"]]),
        translator_pl=UserFactory(username="translator-pl", groups=[site_roles.TRANSLATOR_GROUPS["pl"]]),
        intake=IntakeUserFactory(
            username="intake",
            offices=[offices["naperville"], offices["plainfield"], offices["bolingbrook"], None],
        ),
        intake_aurora=IntakeUserFactory(username="intake-aurora", offices=[offices["aurora"], offices["oswego"]]),
    )


@pytest.fixture
def live_clinic(live_home):
    """The clinic for tests that commit (threads, a live server, worker processes)."""
    call_command("setup_roles", stdout=StringIO())
    return _clinic(live_home, five_offices(FinderFactory(parent=live_home)))


@pytest.fixture
def live_clinic_in_three_languages(live_offices):
    """``clinic_in_three_languages``, for tests that browse a live server."""
    english = live_offices["en"]["naperville"]
    clinic = _clinic(english.get_parent().get_parent().specific, live_offices["en"])
    call_command("setup_roles", stdout=StringIO())
    clinic.offices_in = live_offices
    return _translate_request_pages(clinic)
