"""``{% office_clinicians page %}``: the clinicians who work at an office,
for the office page (a template of the locations app)."""

from django import template
from django.db.models import Prefetch

from approaches.directory import PHOTO_RENDITIONS
from approaches.models import Availability, ClinicianPage
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
