"""What happens when a visitor sends the appointment form.

Pages that carry the form (office pages, the "Request an appointment" page)
hand POSTs to ``receive_inquiry``. In order: body size, rate limit (valid
posts per address), the form's own validation, the quiet discard of robots,
then storage and a redirect to the thank-you page.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from django_ratelimit.core import get_usage

from locations.forms import InquiryForm
from locations.submission import accept_inquiry, offices_to_choose
from portal.models import SiteSettings
from portal.request_limits import content_length

logger = logging.getLogger(__name__)


def build_inquiry_form(page, request, data=None):
    offices = offices_to_choose()
    form = InquiryForm(
        data,
        offices=[(str(office.pk), office.title) for office in offices],
        default_office=page.inquiry_default_office(),
        allow_note=SiteSettings.for_request(request).inquiry_note_enabled,
    )
    form.office_pages = {str(office.pk): office for office in offices}
    return form


def _refuse(page, request, status, problem):
    response = page.render(request, context_overrides={"inquiry_problem": problem})
    response.status_code = status
    return response


def _rate_limit_usage(request, count_this_one):
    """This address's requests in the current window, per django-ratelimit."""
    try:
        return get_usage(
            request, group="locations.inquiry", key="ip", rate=settings.INQUIRY_RATE_LIMIT,
            method="POST", increment=count_this_one,
        )
    except Exception as error:  # the limiter's cache is down: accept (fail open)
        logger.warning("Inquiry rate limit not checked (%s)", type(error).__name__)
        return None


def _over_rate_limit(request):
    usage = _rate_limit_usage(request, count_this_one=False)
    return usage is not None and usage["count"] >= usage["limit"]


@sensitive_variables()  # error reports never show the visitor's answers...
def receive_inquiry(page, request):
    request.sensitive_post_parameters = "__ALL__"  # ...nor the posted form
    if content_length(request) > settings.INQUIRY_MAX_BODY_BYTES:
        return _refuse(page, request, 413, _(
            "What you sent is far longer than this form allows. Please shorten it and send it again."
        ))
    if _over_rate_limit(request):
        return _refuse(page, request, 429, _(
            "We have had many requests from your connection in a short time. Please wait a while "
            "and try again, or call us."
        ))

    form = build_inquiry_form(page, request, data=request.POST)
    if not form.is_valid():
        response = page.render(request, inquiry_form=form)
        response.status_code = 400
        return response

    # Only complete posts count: a visitor correcting mistakes is not refused.
    _rate_limit_usage(request, count_this_one=True)
    office = form.office_pages.get(form.cleaned_data["office"])
    reason = form.discard_reason()
    if reason is not None:
        # Robots get the same thank-you page, so they learn nothing.
        logger.info("Inquiry form discarded (%s)", reason)
    else:
        inquiry, created = accept_inquiry(form, office, language=get_language())
        logger.info("Inquiry %s %s", inquiry.pk, "stored" if created else "already stored (double submit)")

    # The thank-you page names the office chosen (it may not be this page's)
    # and shows its phone. An explicit fragment, or browsers would carry the
    # form's "#request-form" over.
    chosen = str(office.pk) if office is not None else form.cleaned_data["office"]
    url = f"{page.get_url(request)}{page.reverse_subpage('inquiry_thanks')}?to={chosen}#main"
    return HttpResponseRedirect(url, status=303)
