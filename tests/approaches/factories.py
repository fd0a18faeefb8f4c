"""Factories for approach pages, clinicians and their availability.

``ClinicianFactory(parent=directory, offices=[naperville], approaches=[emdr],
languages=["en", "es"], user=someone, availability="yes")`` makes a live
clinician page with its links, as marketing makes one in the admin.
"""

import datetime

import factory
from django.utils import timezone

from approaches.models import (
    ApproachIndexPage,
    ApproachPage,
    Availability,
    ClinicianApproach,
    ClinicianIndexPage,
    ClinicianLanguage,
    ClinicianOffice,
    ClinicianPage,
    RelatedApproach,
)
from tests.portal.factories import PageFactory


class ApproachIndexFactory(PageFactory):
    class Meta:
        model = ApproachIndexPage

    title = "Our approaches"
    slug = "approaches"
    intro = "How our therapists work."
    show_in_menus = True


class ApproachFactory(PageFactory):
    """A live approach page (``related=[other]`` links related approaches,
    ``maintainers=[clinician page]`` names who keeps it current)."""

    class Meta:
        model = ApproachPage

    title = factory.Sequence(lambda number: f"Approach {number}")
    summary = factory.LazyAttribute(lambda page: f"A short summary of {page.title}.")
    what_it_is = factory.LazyAttribute(lambda page: f"What {page.title} is, in plain words.")
    helps_with = [("point", "Worry that gets in the way of school"), ("point", "Trouble sleeping")]
    session = "Sessions last fifty minutes."
    who_it_suits = "Children and the adults who care for them."
    for_children = True

    @classmethod
    def _build(cls, model_class, *args, related=(), maintainers=(), **kwargs):
        page = super()._build(model_class, *args, **kwargs)
        page.related_approaches = [RelatedApproach(approach=other) for other in related]
        page.maintainers = list(maintainers)
        return page


class ClinicianIndexFactory(PageFactory):
    class Meta:
        model = ClinicianIndexPage

    title = "Our clinicians"
    slug = "clinicians"
    intro = "Everyone who sees clients here."
    show_in_menus = True


class ClinicianFactory(PageFactory):
    class Meta:
        model = ClinicianPage

    title = factory.Sequence(lambda number: f"Example Clinician {number}")
    pronouns = "she/her"
    credentials = "MA, LCPC"
    licence_type = "LCPC"
    licence_number = factory.Sequence(lambda number: f"180.{number:06d}")
    short_bio = factory.LazyAttribute(lambda page: f"{page.title} works with families.")
    bio = "<p>A longer bio.</p>"
    telehealth = True
    for_children = True

    @classmethod
    def _build(cls, model_class, *args, offices=(), approaches=(), languages=("en",), **kwargs):
        page = super()._build(model_class, *args, **kwargs)
        page.office_links = [ClinicianOffice(office=office) for office in offices]
        page.approach_links = [ClinicianApproach(approach=approach) for approach in approaches]
        page.language_links = [ClinicianLanguage(language=code) for code in languages]
        return page

    @classmethod
    def _create(cls, model_class, *args, availability=None, confirmed_days_ago=0, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        if availability is not None:
            set_availability(page, availability, confirmed_days_ago)
        return page


def set_availability(clinician, status, days_ago=0):
    """The clinician's answer, as if confirmed ``days_ago`` days ago."""
    row, _ = Availability.objects.get_or_create(clinician=clinician, defaults={"status": status})
    row.status = status
    row.save()
    Availability.objects.filter(pk=row.pk).update(
        confirmed_on=timezone.localdate() - datetime.timedelta(days=days_ago)
    )
    row.refresh_from_db()
    return row

