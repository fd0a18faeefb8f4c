"""A failed machine translation as an admin error message, not a server error.

wagtail-localize's views call the machine translator without catching
anything: its "Translate with ..." button (``machine_translate``) and the
"Use machine translation" box of "Sync translated pages"
(``update_translations``). An exception there is a 500 page for the
translator and an error report carrying the request's local variables,
which hold the segments' text. This middleware catches only our own
``MachineTranslationError`` and sends the translator back where they were,
with its message.

Nothing is half saved at that point: ``machine_translate`` saves only after
the translator returned every segment, and ``update_translations`` runs in
a transaction that the exception rolled back.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request

from portal.deepl import MachineTranslationError


class MachineTranslationErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationError):
            return None
        messages.error(request, f"Machine translation failed, nothing was saved. {exception}")
        # wagtail-localize's editor always sends "next" (the page it was on).
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
