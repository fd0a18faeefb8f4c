"""Dashboard panel "Your pages": the pages a clinician owns, with what is
waiting on each (draft, in review, changes requested) and the availability
answer they last gave. Shown to anyone who owns pages."""

from django.conf import settings
from wagtail.admin.ui.components import Component

from approaches.models import ApproachPage, Availability, ClinicianPage


class OwnPagesPanel(Component):
    name = "own_pages"
    template_name = "approaches/admin/own_pages_panel.html"
    order = 10

    def __init__(self, user):
        self.user = user
        # The English pages: translations copy the owners along, but
        # translators look after them (approaches/ownership.py).
        english = {"locale__language_code": settings.LANGUAGE_CODE}
        self.pages = (
            list(ClinicianPage.objects.filter(user=user, **english))
            + list(ApproachPage.objects.filter(maintainers__user=user, **english).distinct())
        ) if user.is_authenticated else []

    def get_context_data(self, parent_context=None):
        for page in self.pages:
            state = page.current_workflow_state
            page.waiting_on = (
                state.current_task_state.task.name if state and state.status == state.STATUS_IN_PROGRESS
                else "changes requested" if state and state.status == state.STATUS_NEEDS_CHANGES
                else "unpublished changes" if page.has_unpublished_changes else ""
            )
        availability = Availability.objects.filter(clinician__user=self.user).select_related("clinician")
        return {"pages": self.pages, "availability": availability}
