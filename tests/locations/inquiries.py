"""Helpers for tests of the appointment form: a visitor's answers, and the
inquiries they cause."""

import time

from locations.forms import issue_form_token
from locations.models import Inquiry, LocationPage

# A visitor who writes things that must never leave the database.
VISITOR = {
    "name": "Zuzanna Privatename",
    "email": "zuzanna.private@example.com",
    "phone": "(630) 555-0142",
}


def office(slug="naperville", language="en"):
    return LocationPage.objects.get(slug=slug, locale__language_code=language)


def answers(office_page=None, **overrides):
    """A complete, valid form post, as a visitor who took a minute to fill it."""
    data = {
        **VISITOR,
        "preferred_contact": "phone",
        "appointment_for": "child",
        "age_group": "teen",
        "office": str(office_page.pk) if office_page else "any",
        "telehealth_ok": "on",
        "preferred_language": "en",
        "best_times": ["morning", "evening"],
        "consent": "on",
        "website": "",
        "form_token": issue_form_token(timestamp=time.time() - 60),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def inquiries():
    return Inquiry.objects.count()
