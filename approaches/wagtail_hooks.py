from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from approaches.availability_admin import AvailabilityViewSet
from approaches.dashboard import OwnPagesPanel
from approaches.review_report import ReviewsDueView, can_see_report


@hooks.register("register_admin_viewset")
def register_availability_viewset():
    return AvailabilityViewSet()


@hooks.register("register_admin_urls")
def register_review_report_urls():
    return [
        path("reports/clinical-review/", ReviewsDueView.as_view(), name="approaches_reviews_due"),
        path("reports/clinical-review/results/", ReviewsDueView.as_view(results_only=True),
             name="approaches_reviews_due_results"),
    ]


class ReviewReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return ReviewReportMenuItem("Due for clinical review", reverse("approaches_reviews_due"),
                                icon_name="doc-full", order=700)


@hooks.register("construct_homepage_panels")
def add_own_pages_panel(request, panels):
    panel = OwnPagesPanel(request.user)
    if panel.pages:
        panels.insert(0, panel)
