"""``{% appointment_form page %}``: the appointment form, on any page that carries it.

Office pages (in the locations app's templates) and the request page use it.
After a refused POST, the view puts the sent form and the reason in the
page's context; otherwise the tag builds a fresh form for the page.
"""

from django import template
from django.utils.translation import get_language

from inquiries.forms import form_for_page
from inquiries.models import AppointmentRequestPage, InquirySettings
from portal import fragment_cache

register = template.Library()


@register.inclusion_tag("inquiries/includes/form.html", takes_context=True)
def appointment_form(context, page):
    request = context["request"]
    privacy_page = InquirySettings.for_request(request).privacy_page
    return {
        "request": request,
        "form": context.get("inquiry_form") or form_for_page(page, request),
        "problem": context.get("inquiry_problem"),
        "privacy_page": privacy_page.localized if privacy_page else None,
    }


@register.simple_tag(takes_context=True)
def appointment_request_url(context):
    """The request page in the visitor's language (else the default
    language's), for calls to action on pages of other apps."""
    request = context["request"]

    def find():
        pages = AppointmentRequestPage.objects.live().public()
        page = pages.filter(locale__language_code=get_language()).first() or pages.first()
        return page.get_url(request) if page else ""

    return fragment_cache.remember(request, "appointment-request-url", find)
