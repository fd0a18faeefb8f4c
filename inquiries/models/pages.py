"""The "Request an appointment" page and its thank-you page.

Office pages carry the same form: ``inquiries.wagtail_hooks`` receives the
POSTs of both page types, so pages never import the view that handles them.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from locations.models import LocationPage
from portal.models import BasePage

# ?to= names the office chosen by its page id: plain ASCII digits that fit a
# database integer. Anything else (other scripts' digits, huge numbers) is ignored.
OFFICE_ID = re.compile(r"[0-9]{1,18}")


def chosen_office(choice):
    """The live office page named by ``choice`` (?to=), or None for any office,
    telehealth, or junk."""
    if not OFFICE_ID.fullmatch(choice or ""):
        return None
    return LocationPage.objects.live().filter(pk=int(choice)).first()


class AppointmentRequestPage(RoutablePageMixin, BasePage):
    """"Request an appointment": the form, with the office left to choose,
    and ``thanks/``, where every appointment form leads."""

    intro = models.TextField(blank=True, max_length=600)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "inquiries/appointment_request_page.html"

    class Meta:
        verbose_name = _("appointment request page")

    @path("", name="form")
    def form_view(self, request):
        return self.render(request)

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        return self.render(
            request,
            template="inquiries/thanks.html",
            context_overrides={"office": chosen_office(request.GET.get("to"))},
        )
