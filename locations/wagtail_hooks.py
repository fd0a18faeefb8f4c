from wagtail import hooks

from locations.dashboard import InquiriesPanel
from locations.intake_admin import InquiryViewSet, IntakeAssignmentViewSet


@hooks.register("register_admin_viewset")
def register_inquiry_viewsets():
    return [InquiryViewSet(), IntakeAssignmentViewSet()]


@hooks.register("construct_homepage_panels")
def add_inquiries_panel(request, panels):
    user = request.user
    if user.is_superuser or user.has_perm("locations.view_inquiry"):
        panels.append(InquiriesPanel(user))
