"""Approach and clinician listings for other apps' pages: ``{% office_clinicians page %}``
for office pages, ``{% approach_cards %}`` for the home page."""

from django import template
from django.db.models import Prefetch

from approaches.directory import PHOTO_RENDITIONS
from approaches.models import ApproachIndexPage, ApproachPage, Availability, ClinicianPage
from portal.models import CustomImage

register = template.Library()


@register.inclusion_tag("approaches/includes/office_clinicians.html", takes_context=True)
def office_clinicians(context, office):
    clinicians = list(
        ClinicianPage.objects.live().public()
        .filter(locale_id=office.locale_id, office_links__office__translation_key=office.translation_key)
        .distinct().order_by("title")
        .prefetch_related(Prefetch("photo", queryset=CustomImage.objects.prefetch_renditions(*PHOTO_RENDITIONS)))
    )
    availability = Availability.public_status_for(clinicians)
    return {
        "request": context["request"],
        "office": office,
        "clinicians": [(clinician, availability[clinician.translation_key]) for clinician in clinicians],
    }


@register.simple_tag(takes_context=True)
def approach_cards(context, count=6):
    """Up to ``count`` live approaches in the page's language, for the home
    page's section, with their listing images; and the index they sit under."""
    locale_id = context["page"].locale_id
    index = ApproachIndexPage.objects.live().filter(locale_id=locale_id).first()
    if index is None:
        return {"approaches": [], "index_url": ""}
    approaches = (ApproachPage.objects.child_of(index).live().public().order_by("title")
                  .select_related("listing_image").prefetch_related("listing_image__renditions"))
    return {"approaches": approaches[:count], "index_url": index.get_url(context["request"])}
