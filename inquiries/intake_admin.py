"""The intake team's screens in the Wagtail admin.

Inquiries: a list filtered by office, date, status and e-mail state, a
read-only detail, "mark handled" (the edit form has only the status), CSV
and XLSX export and "send again" for e-mails that failed or still wait.
Every view reads through ``Inquiry.objects.visible_to(user)``, so intake
staff see their own offices only: another office's inquiry is a 404.

Viewing, exporting, marking handled and sending again are recorded in
Wagtail's log (``inquiries.audit``). Intake assignments (who reads which
office) are managed by superusers.
"""

import datetime

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.db.models import Prefetch
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.views import View
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from inquiries import audit, outbox, tasks
from inquiries.encryption import UndecryptableInquiry
from inquiries.models import Inquiry, InquiryNotice, IntakeAssignment
from locations.models import LocationPage

GENERAL = "general"
# Spreadsheet programs run cells that start like a formula; a visitor's name must not.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ENCRYPTED_FIELDS = ("name", "email", "phone", "note")


def office_choices():
    offices = LocationPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("title")
    return [(str(office.translation_key), office.title) for office in offices] + [
        (GENERAL, "Any office or telehealth")
    ]


def local_time(value):
    """A stored time as intake staff read it: Chicago time, like the list and the export."""
    return date_format(timezone.localtime(value), "DATETIME_FORMAT") if value else "-"


def readable(inquiries):
    """Decrypt every stored detail up front; raises UndecryptableInquiry naming the row."""
    for inquiry in inquiries:
        for name in ENCRYPTED_FIELDS:
            getattr(inquiry, name)
    return inquiries


class InquiryFilterSet(WagtailFilterSet):
    office = django_filters.ChoiceFilter(label="Office", choices=office_choices, method="filter_office",
                                         empty_label="All offices")
    created_at = django_filters.DateFromToRangeFilter(label="Received", widget=DateRangePickerWidget)
    status = django_filters.ChoiceFilter(label="Status", choices=Inquiry.Status.choices, empty_label="Any")
    emails = django_filters.ChoiceFilter(
        label="E-mails", method="filter_emails", empty_label="Any",
        choices=[("failed", "An e-mail failed"), ("waiting", "An e-mail is not sent yet")],
    )

    class Meta:
        model = Inquiry
        fields = []

    def filter_office(self, queryset, name, value):
        if value == GENERAL:
            return queryset.filter(office_key__isnull=True)
        return queryset.filter(office_key=value)

    def filter_emails(self, queryset, name, value):
        states = {
            "failed": [InquiryNotice.Status.FAILED],
            "waiting": [InquiryNotice.Status.PENDING, InquiryNotice.Status.SENDING],
        }[value]
        return queryset.filter(notices__status__in=states).distinct()


class InquiryPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and then only for inquiries the user may see.
    Nobody adds inquiries in the admin: they come from the public form."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Inquiry.objects.visible_to(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Inquiry.objects.none()
        return Inquiry.objects.visible_to(user)


class VisibleInquiriesMixin:
    def get_visible_inquiries(self):
        return Inquiry.objects.visible_to(self.request.user)


class InquiryIndexView(VisibleInquiriesMixin, generic.IndexView):
    def get_base_queryset(self):
        inquiries = self.get_visible_inquiries().prefetch_related(
            Prefetch("notices", queryset=InquiryNotice.objects.only("inquiry_id", "kind", "status"))
        )
        # The list shows no contact details: leave them unread (and undecrypted).
        return inquiries if self.is_export else inquiries.defer(*ENCRYPTED_FIELDS)

    custom_field_preprocess = {
        "created_at": {
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
            "xlsx": lambda value: timezone.make_naive(value),
        },
        "telehealth_ok": {"csv": lambda value: "yes" if value else "no"},
    }

    def get_edit_url(self, instance):
        return None  # the title opens the read-only detail; editing is "mark handled" there

    def as_spreadsheet(self, queryset, spreadsheet_format):
        try:
            exported = readable(list(queryset))
        except UndecryptableInquiry as problem:
            messages.error(self.request, f"Nothing was exported. {problem}")
            return HttpResponseRedirect(reverse("inquiries:index"))
        audit.record_each(exported, audit.EXPORT, self.request.user, data={"format": spreadsheet_format})
        # Exactly the rows on record, even if a request arrives meanwhile.
        return super().as_spreadsheet(queryset.filter(pk__in=[inquiry.pk for inquiry in exported]), spreadsheet_format)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if not isinstance(value, str):
            return value
        if export_format == self.FORMAT_XLSX:
            # XLSX refuses control characters; never fail a whole export on one.
            return ILLEGAL_CHARACTERS_RE.sub("", value)
        # CSV cells that look like formulas would run in a spreadsheet program.
        return "'" + value if value.startswith(FORMULA_STARTS) else value


class InquiryInspectView(VisibleInquiriesMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_visible_inquiries(), pk=self.pk)

    def get(self, request, *args, **kwargs):
        try:
            readable([self.object])
        except UndecryptableInquiry as problem:
            messages.error(request, str(problem))
            return HttpResponseRedirect(reverse("inquiries:index"))
        audit.record(self.object, audit.VIEW, request.user)
        return super().get(request, *args, **kwargs)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            return local_time(value)
        if value is None or value == "":
            return "-"
        if isinstance(value, bool):
            return "Yes" if value else "No"
        return value

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notices"] = self.object.notices.all()
        context["can_resend"] = self.request.user.has_perm("inquiries.resend_inquiry_notices")
        context["send_again_url"] = reverse("inquiries:send_again", args=[self.object.pk])
        return context


class InquiryEditView(VisibleInquiriesMixin, generic.EditView):
    """Only the status is editable: "mark handled" (or back to new)."""

    def get_queryset(self):
        return self.get_visible_inquiries()

    def save_instance(self):
        instance = self.form.save(commit=False)
        if instance.status == Inquiry.Status.HANDLED and instance.handled_at is None:
            instance.handled_at, instance.handled_by = timezone.now(), self.request.user
            audit.record(instance, audit.HANDLED, self.request.user)
        elif instance.status == Inquiry.Status.NEW and instance.handled_at is not None:
            instance.handled_at, instance.handled_by = None, None
            audit.record(instance, audit.REOPENED, self.request.user)
        # Only these columns: re-saving the encrypted ones would re-encrypt them.
        instance.save(update_fields=["status", "handled_at", "handled_by"])
        return instance

    def get_success_url(self):
        return reverse("inquiries:inspect", args=[self.object.pk])


class InquiryDeleteView(VisibleInquiriesMixin, generic.DeleteView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.get_visible_inquiries(), pk=self.kwargs[self.pk_url_kwarg])


class InquiryHistoryView(VisibleInquiriesMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.get_visible_inquiries()


class InquiryUsageView(VisibleInquiriesMixin, UsageView):
    def get_base_object_queryset(self):
        return self.get_visible_inquiries()


class SendAgainView(PermissionRequiredMixin, View):
    """POST: queue this inquiry's failed or waiting e-mails again."""

    permission_required = "inquiries.resend_inquiry_notices"
    http_method_names = ["post"]

    def post(self, request, pk):
        inquiry = get_object_or_404(Inquiry.objects.visible_to(request.user), pk=pk)
        ids = outbox.make_due_again(inquiry)
        for notice_id in ids:
            tasks.queue_delivery(notice_id)
        if ids:
            audit.record(inquiry, audit.SEND_AGAIN, request.user, data={"emails": len(ids)})
            messages.success(request, f"{len(ids)} e-mail(s) of inquiry {inquiry.reference} queued again.")
        else:
            messages.info(request, f"Every e-mail of inquiry {inquiry.reference} was already sent.")
        return HttpResponseRedirect(reverse("inquiries:inspect", args=[inquiry.pk]))


class InquiryViewSet(ModelViewSet):
    model = Inquiry
    icon = "mail"
    menu_label = "Inquiries"
    menu_order = 150
    add_to_admin_menu = True
    name = "inquiries"
    permission_policy = InquiryPermissionPolicy(Inquiry)

    index_view_class = InquiryIndexView
    inspect_view_class = InquiryInspectView
    edit_view_class = InquiryEditView
    history_view_class = InquiryHistoryView
    delete_view_class = InquiryDeleteView
    # Inquiries must not show up as "uses" of office pages to page editors.
    add_to_reference_index = False
    usage_view_class = InquiryUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = InquiryFilterSet
    inspect_template_name = "inquiries/admin/inquiry_inspect.html"

    list_display = [
        "reference",
        Column("where", label="Office"),
        DateColumn("created_at", label="Received"),
        Column("get_status_display", label="Status"),
        Column("emails", label="E-mails"),
    ]
    list_per_page = 50
    form_fields = ["status"]
    inspect_view_fields = [
        "reference", "created_at", "where", "name", "email", "phone", "preferred_contact",
        "appointment_for", "age_group", "telehealth_ok", "preferred_language", "best_times",
        "note", "language", "status", "handled_at", "handled_by",
    ]
    list_export = [
        "reference", "created_at", "where", "name", "email", "phone", "get_preferred_contact_display",
        "get_appointment_for_display", "get_age_group_display", "telehealth_ok",
        "get_preferred_language_display", "get_best_times_display", "note", "get_status_display",
    ]
    export_headings = {
        "created_at": "Received", "where": "Office", "get_preferred_contact_display": "Contact by",
        "get_appointment_for_display": "For", "get_age_group_display": "Age group",
        "telehealth_ok": "Telehealth acceptable", "get_preferred_language_display": "Language",
        "get_best_times_display": "Best times to call", "get_status_display": "Status",
    }
    export_filename = "inquiries"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("send-again/<int:pk>/", SendAgainView.as_view(), name="send_again"),
        ]


class IntakeAssignmentViewSet(ModelViewSet):
    model = IntakeAssignment
    icon = "group"
    menu_label = "Intake assignments"
    add_to_settings_menu = True
    name = "intake_assignments"
    list_display = ["user", Column("office", label="Office")]
    list_filter = ["office"]
    form_fields = ["user", "office"]
    copy_view_enabled = False
    inspect_view_enabled = False
