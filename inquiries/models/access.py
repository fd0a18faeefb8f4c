"""Who may read which inquiries, and the audit trail of what they did.

Intake staff read the inquiries of the offices assigned to them (and, if
assigned, those naming no office). The same rule scopes the audit trail, so
nobody learns from Site history that another office had a request.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from wagtail.models import BaseLogEntry, BaseLogEntryManager

from inquiries.roles import INTAKE

VIEW_PERMISSION = "inquiries.view_inquiry"


class IntakeAssignmentQuerySet(models.QuerySet):
    def office_scope(self, user):
        """A filter on ``office_key`` for what ``user`` may read: None for
        everything (superusers), a filter matching nothing for no access."""
        if not (user.is_authenticated and user.is_active):
            return Q(pk__in=[])
        if user.is_superuser:
            return None
        if not user.has_perm(VIEW_PERMISSION):
            return Q(pk__in=[])
        assignments = self.filter(user=user)
        scope = Q(office_key__in=assignments.filter(office__isnull=False).values("office__translation_key"))
        if assignments.filter(office__isnull=True).exists():
            scope |= Q(office_key__isnull=True)
        return scope


class IntakeAssignment(models.Model):
    """Which offices' inquiries an intake staff member may read."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_assignments",
        limit_choices_to={"groups__name": INTAKE},
    )
    office = models.ForeignKey(
        "locations.LocationPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text="Leave empty for requests that name no office (any office, or telehealth).",
    )

    objects = IntakeAssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "intake assignment"
        constraints = [
            models.UniqueConstraint(fields=["user", "office"], name="one_assignment_per_office"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(office__isnull=True), name="one_general_assignment"
            ),
        ]

    def __str__(self):
        office = self.office.title if self.office_id else "requests for any office or telehealth"
        return f"{self.user}: {office}"


class InquiryLogEntryManager(BaseLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk), office_key=instance.office_key)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        scope = IntakeAssignment.objects.office_scope(user)
        return self.all() if scope is None else self.filter(scope)


class InquiryLogEntry(BaseLogEntry):
    """Wagtail's audit log for inquiries: who viewed, exported, handled or
    re-sent which one (by reference, never content). Kept apart from
    ModelLogEntry so each entry carries its office and is scoped like the
    inquiry itself; retention deletes the entries with their inquiries."""

    object_id = models.CharField(max_length=255, db_index=True)
    office_key = models.UUIDField(null=True, blank=True, db_index=True)

    objects = InquiryLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        verbose_name = "inquiry log entry"
        verbose_name_plural = "inquiry log entries"
        ordering = ["-timestamp", "-id"]
        indexes = [models.Index(fields=["uuid", "action", "-timestamp"], name="inquiry_log_uuid_action")]
