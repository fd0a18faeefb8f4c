from wagtail import hooks

from inquiries import audit, views
from inquiries.dashboard import InquiriesPanel
from inquiries.intake_admin import InquiryViewSet, IntakeAssignmentViewSet
from inquiries.models.access import VIEW_PERMISSION


# After Wagtail's own checks (allowed methods, view restrictions: order 0).
@hooks.register("before_serve_page", order=100)
def receive_appointment_requests(page, request, serve_args, serve_kwargs):
    """POSTs to office pages and the request page are appointment requests."""
    if request.method == "POST" and views.carries_form(page, request):
        return views.receive_inquiry(page, request, serve_args, serve_kwargs)
    return None


@hooks.register("register_admin_viewset")
def register_inquiry_viewsets():
    return [InquiryViewSet(), IntakeAssignmentViewSet()]


@hooks.register("register_log_actions")
def register_inquiry_log(actions):
    audit.register(actions)


@hooks.register("construct_homepage_panels")
def add_inquiries_panel(request, panels):
    user = request.user
    if user.is_superuser or user.has_perm(VIEW_PERMISSION):
        panels.append(InquiriesPanel(user))
