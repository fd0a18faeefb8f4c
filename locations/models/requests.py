"""Pages that carry the appointment form, and the general request page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.models import BasePage


class InquiryFormMixin(RoutablePageMixin):
    """The appointment form on a page: GET shows it, POST sends it, and
    ``thanks/`` is the thank-you page it redirects to."""

    def inquiry_default_office(self):
        """The office preselected in the form (its page id as text), if any."""
        return None

    def inquiry_thanks_office(self, request):
        """The office the visitor chose (``?to=<page id>``), whose phone the
        thank-you page shows; None for "any office" or telehealth (main phone)."""
        from locations.models import LocationPage

        choice = request.GET.get("to", "")
        if choice.isdigit():
            return LocationPage.objects.live().filter(pk=int(choice)).first()
        return None

    def get_context(self, request, *args, inquiry_form=None, **kwargs):
        """``inquiry_form``: the sent form with its errors; otherwise a fresh one."""
        from locations.views import build_inquiry_form

        context = super().get_context(request, *args, **kwargs)
        route = getattr(request, "routable_resolver_match", None)
        if route is None or route.url_name == "inquiry_form":  # not on the thank-you page
            context["inquiry_form"] = inquiry_form or build_inquiry_form(self, request)
        return context

    @path("", name="inquiry_form")
    def inquiry_form_view(self, request):
        from locations.views import receive_inquiry

        if request.method == "POST":
            return receive_inquiry(self, request)
        return self.render(request)

    @path("thanks/", name="inquiry_thanks")
    def inquiry_thanks_view(self, request):
        response = self.render(
            request,
            template="locations/inquiry_thanks.html",
            context_overrides={"office": self.inquiry_thanks_office(request)},
        )
        return response


class AppointmentRequestPage(InquiryFormMixin, BasePage):
    """"Request an appointment": the form, with the office left to choose."""

    intro = models.TextField(blank=True, max_length=600)

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "locations/appointment_request_page.html"

    class Meta:
        verbose_name = _("appointment request page")
