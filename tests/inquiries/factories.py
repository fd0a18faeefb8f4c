"""Factories for appointment requests: the request page, inquiries and
their outbox rows, intake staff with their offices, and a visitor's answers
to the form."""

import time
import uuid

import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from inquiries.forms import issue_form_token
from inquiries.models import AppointmentRequestPage, Inquiry, InquiryNotice, IntakeAssignment
from inquiries.roles import INTAKE
from tests.portal.factories import PageFactory, UserFactory

# A visitor who writes things that must never leave the database.
VISITOR = {
    "name": "Zuzanna Privatename",
    "email": "zuzanna.private@example.com",
    "phone": "(630) 555-0142",
}


class RequestPageFactory(PageFactory):
    class Meta:
        model = AppointmentRequestPage

    title = "Request an appointment"
    slug = "request-an-appointment"
    intro = "Tell us how to reach you; our intake team will get back to you."
    show_in_menus = True


class InquiryFactory(factory.django.DjangoModelFactory):
    """A stored request, for ``office`` (an office page) or, without one, for any office."""

    class Meta:
        model = Inquiry

    class Params:
        office_page = None

    submission_token = factory.LazyFunction(uuid.uuid4)
    language = "en"
    preference = factory.LazyAttribute(lambda o: "office" if o.office_page else "any")
    office = factory.SelfAttribute("office_page")
    office_key = factory.LazyAttribute(lambda o: o.office_page.translation_key if o.office_page else None)
    office_name = factory.LazyAttribute(lambda o: o.office_page.title if o.office_page else "")
    name = VISITOR["name"]
    email = VISITOR["email"]
    phone = VISITOR["phone"]
    preferred_contact = "email"
    appointment_for = "child"
    age_group = "teen"
    preferred_language = "en"
    best_times = factory.LazyFunction(lambda: ["morning"])


class NoticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InquiryNotice

    inquiry = factory.SubFactory(InquiryFactory)
    kind = "staff"
    next_attempt_at = factory.LazyFunction(timezone.now)


class IntakeUserFactory(UserFactory):
    """Intake staff reading ``offices`` (office pages; None: requests naming no office)."""

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create:
            user.groups.add(*Group.objects.filter(name__in=[INTAKE, *(names or [])]))
            user.save()

    @factory.post_generation
    def offices(user, create, offices, **kwargs):
        for office in offices or ():
            IntakeAssignment.objects.get_or_create(user=user, office=office)


def answers(office_page=None, **overrides):
    """A complete, valid form post, as a visitor who took a minute to fill it.
    A value of None leaves that field out."""
    data = {
        **VISITOR,
        "preferred_contact": "email",
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
