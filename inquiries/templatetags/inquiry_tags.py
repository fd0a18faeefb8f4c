"""``{% appointment_form page %}``: the appointment form, on any page that carries it.

Office pages (in the locations app's templates) and the request page use it.
After a refused POST, the view puts the sent form and the reason in the
page's context; otherwise the tag shows a fresh form for the page. A fresh
form's HTML is the same for every visitor of a page and language (its
token is a placeholder, filled in every response by portal.page_cache), so
it is remembered as a fragment: building it queries the offices and renders
every widget's template.
"""

from django import template
from django.template.loader import render_to_string
from django.utils.translation import get_language

from inquiries.forms import form_for_page
from inquiries.models import AppointmentRequestPage, InquirySettings
from portal import fragment_cache

register = template.Library()


def _render_form(request, page, form=None, problem=None):
    privacy_page = InquirySettings.for_request(request).privacy_page
    return render_to_string("inquiries/includes/form.html", {
        "form": form or form_for_page(page, request),
        "problem": problem,
        "privacy_page": privacy_page.localized if privacy_page else None,
    }, request=request)


@register.simple_tag(takes_context=True)
def appointment_form(context, page):
    request = context["request"]
    sent, problem = context.get("inquiry_form"), context.get("inquiry_problem")
    if sent is None and problem is None:
        return fragment_cache.remember(request, f"appointment-form:{page.pk}",
                                       lambda: _render_form(request, page))
    return _render_form(request, page, sent, problem)


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
