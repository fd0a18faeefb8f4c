"""What happens when a visitor sends the appointment form.

Office pages and the "Request an appointment" page carry the form;
``inquiries.wagtail_hooks`` hands their POSTs to ``receive_inquiry`` (after
Wagtail's privacy check), with ``serve``, the way Wagtail would show the
page. In
order: body size, the rate limit (counted before anything else), the form's
own validation, the token, then storage and a redirect to the thank-you
page. Whatever is refused comes back on the same page, in the visitor's
language, with the answers kept wherever the body was read.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Locale

from inquiries import rate_limit
from inquiries.forms import TokenVerdict, form_for_page
from inquiries.models import AppointmentRequestPage, chosen_office
from inquiries.submission import Outcome, accept_inquiry
from locations.models import LocationPage
from portal.request_limits import content_length

logger = logging.getLogger(__name__)


def carries_form(page, request):
    """Office pages, and the request page itself (not its thank-you page)."""
    if isinstance(page, LocationPage):
        return True
    if isinstance(page, AppointmentRequestPage):
        route = getattr(request, "routable_resolver_match", None)
        return route is None or route.url_name == "form"
    return False


def _page_with(page, request, serve, serve_args, serve_kwargs, status, **context):
    """The page as it is normally shown, with the sent form or a message."""
    response = serve(page, request, serve_args, serve_kwargs)
    response.context_data.update({key: value for key, value in context.items() if value is not None})
    response.status_code = status
    return response


def _thank(page, request, choice):
    """303 to the request page's thank-you page in the visitor's language,
    which names the office chosen (``?to=``). An explicit fragment, or
    browsers would carry the form's "#error-summary" over."""
    thanks_page = AppointmentRequestPage.objects.live().filter(locale=Locale.get_active()).first()
    if thanks_page is None:  # not published in this language (yet): thank right here
        return TemplateResponse(request, "inquiries/thanks.html", {
            "page": page, "self": page, "office": chosen_office(choice),
        })
    url = f"{thanks_page.get_url(request)}{thanks_page.reverse_subpage('thanks')}?to={choice}#main"
    return HttpResponseRedirect(url, status=303)


@sensitive_variables()  # error reports never show the visitor's answers...
def receive_inquiry(page, request, serve, serve_args, serve_kwargs):
    request.sensitive_post_parameters = "__ALL__"  # ...nor the posted form

    def again(status, **context):
        return _page_with(page, request, serve, serve_args, serve_kwargs, status, **context)

    if content_length(request) > settings.INQUIRY_MAX_BODY_BYTES:
        return again(413, inquiry_problem=_(
            "What you sent is far longer than this form allows. Please shorten it and send it again."
        ))
    allowance = rate_limit.take(request)  # counted now, so parallel posts cannot slip past
    form = form_for_page(page, request, data=request.POST)
    if allowance.exceeded:
        return again(429, inquiry_form=form.with_fresh_token(), inquiry_problem=_(
            "We have had many requests from your connection in a short time. Please wait a while "
            "and try again, or call us."
        ))
    if not form.is_valid():
        allowance.give_back()  # correcting mistakes never uses up the limit
        return again(400, inquiry_form=form)

    office = form.office_pages.get(form.cleaned_data["office"])
    chosen = str(office.pk) if office is not None else form.cleaned_data["office"]
    verdict = form.token_verdict()
    if verdict in (TokenVerdict.HONEYPOT, TokenVerdict.FORGED):
        # Robots get the same thank-you page, so they learn nothing.
        logger.info("Inquiry form discarded (%s)", verdict.value)
        return _thank(page, request, chosen)
    if verdict in (TokenVerdict.TOO_FAST, TokenVerdict.TOO_OLD):
        allowance.give_back()
        logger.info("Inquiry form shown again (%s)", verdict.value)
        return again(400, inquiry_form=form.with_fresh_token(), inquiry_problem=_(
            "Your request has not been sent yet. Please check your answers and press "
            "“Send my request” once more."
        ))

    inquiry, outcome = accept_inquiry(form, office, language=get_language())
    logger.info("Inquiry %s: %s", inquiry.pk, outcome.value)
    if outcome is Outcome.TOKEN_USED:
        allowance.give_back()
        return again(400, inquiry_form=form.with_fresh_token(), inquiry_problem=_(
            "This form has already sent one request. To send this one as well, check your "
            "answers and press “Send my request” once more."
        ))
    if outcome is Outcome.DUPLICATE:
        allowance.give_back()
    return _thank(page, request, chosen)
