"""Admin > Availability: clinicians confirm whether they take new clients.

No review is needed for this fact, so it is not part of the page: saving the
row confirms it (the date moves to today) and the public pages in every
language show it at once. Clinicians see and change only their own row;
marketing (who may assign page owners) sees every row.
"""

from django.shortcuts import get_object_or_404
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from approaches.models import Availability
from approaches.models.approaches import ASSIGN_OWNERS


def visible_rows(user):
    rows = Availability.objects.select_related("clinician")
    if user.is_superuser or user.has_perm(ASSIGN_OWNERS):
        return rows
    return rows.filter(clinician__user=user)


class AvailabilityPermissionPolicy(ModelPermissionPolicy):
    """Rows are made with the clinician page; in the admin they are only changed."""

    def user_has_permission(self, user, action):
        return action in {"view", "change"} and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_rows(user).filter(pk=instance.pk).exists()

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Availability.objects.none()
        return visible_rows(user)


class AvailabilityIndexView(generic.IndexView):
    def get_base_queryset(self):
        return visible_rows(self.request.user).order_by("clinician__title")


class AvailabilityEditView(generic.EditView):
    def get_object(self, queryset=None):
        return get_object_or_404(visible_rows(self.request.user), pk=self.kwargs[self.pk_url_kwarg])

    def get_success_message(self):
        row = self.object
        return f"Thank you: {row.clinician.title} is shown as '{row.get_status_display()}' from today."


class AvailabilityViewSet(ModelViewSet):
    model = Availability
    icon = "calendar-check"
    menu_label = "Availability"
    menu_order = 160
    add_to_admin_menu = True
    name = "approaches_availability"
    permission_policy = AvailabilityPermissionPolicy(Availability)
    index_view_class = AvailabilityIndexView
    edit_view_class = AvailabilityEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    form_fields = ["status"]
    list_display = [
        "clinician",  # the first column links to the form
        Column("get_status_display", label="Their answer"),
        Column("confirmed_on", label="Confirmed"),
        Column("shown_to_visitors", label="Visitors read"),
    ]
