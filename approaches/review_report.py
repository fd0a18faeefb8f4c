"""Reports > Due for clinical review: reviewed pages whose last review is
older than their page type allows (approach pages: 12 months), or that were
never reviewed."""

from django.core.exceptions import PermissionDenied
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from approaches.review import due_for_review

VIEW_REPORT = "approaches.view_review_report"


def can_see_report(user):
    return user.is_active and (user.is_superuser or user.has_perm(VIEW_REPORT))


class ReviewsDueView(ReportView):
    page_title = "Due for clinical review"
    header_icon = "doc-full"
    index_url_name = "approaches_reviews_due"
    index_results_url_name = "approaches_reviews_due_results"
    no_results_message = "Every reviewed page is within its review period."
    columns = [
        TitleColumn("title", label="Page", url_name="wagtailadmin_pages:edit"),
        Column("content_type_label", label="Type"),
        Column("last_reviewed_label", label="Last reviewed"),
        Column("reviewer", label="Reviewed by"),
    ]
    list_export = ["title", "content_type_label", "last_reviewed", "reviewer"]
    export_headings = {"content_type_label": "Type", "last_reviewed": "Last reviewed", "reviewer": "Reviewed by"}

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        pages = due_for_review()
        for page in pages:
            page.last_reviewed_label = page.last_reviewed.isoformat() if page.last_reviewed else "Never"
            page.content_type_label = page._meta.verbose_name.capitalize()
            page.reviewer = (page.reviewed_by.get_full_name() or page.reviewed_by.get_username()) if page.reviewed_by else ""
        return pages
