from wagtail import hooks

from inquiries import audit, views
from inquiries.dashboard import InquiriesPanel
from inquiries.intake_admin import InquiryViewSet, IntakeAssignmentViewSet
from inquiries.models.access import VIEW_PERMISSION


# Inside Wagtail's own on_serve_page hooks (order 0), its privacy check among
# them: a page that asks for a password or a login asks for it before this.
@hooks.register("on_serve_page", order=100)
def receive_appointment_requests(serve):
    """POSTs to office pages and the request page are appointment requests."""

    def serve_or_receive(page, request, serve_args, serve_kwargs):
        if request.method == "POST" and views.carries_form(page, request):
            return views.receive_inquiry(page, request, serve, serve_args, serve_kwargs)
        return serve(page, request, serve_args, serve_kwargs)

    return serve_or_receive


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
