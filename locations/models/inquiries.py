"""Appointment requests ("inquiries") and the e-mails they cause.

An inquiry is health information (PRODUCT.md). It is saved before anything
else happens, in one transaction with an outbox row per e-mail to send. The
e-mails themselves carry no personal data; Celery tasks carry only the
outbox row's id. Contact details and the note are encrypted at rest.
"""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField, EncryptedTextField

# Unambiguous when read aloud on the phone: no 0/O, 1/I/L, U/V.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Superusers see every inquiry; intake staff those of their own
        offices (and general requests, if assigned them); everyone else none."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        if not user.has_perm("locations.view_inquiry"):
            return self.none()
        assignments = IntakeAssignment.objects.filter(user=user)
        offices = assignments.filter(office__isnull=False).values("office__translation_key")
        visible = Q(office_key__in=offices)
        if assignments.filter(office__isnull=True).exists():
            visible |= Q(office_key__isnull=True)
        return self.filter(visible)


class Inquiry(models.Model):
    class Preference(models.TextChoices):
        OFFICE = "office", _("A particular office")
        ANY = "any", _("Any office")
        TELEHEALTH = "telehealth", _("Telehealth (video)")

    class Contact(models.TextChoices):
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("E-mail")

    class For(models.TextChoices):
        MYSELF = "myself", _("Myself")
        CHILD = "child", _("My child")
        COUPLE = "couple", _("My partner and me")
        FAMILY = "family", _("My family")

    class AgeGroup(models.TextChoices):
        CHILD = "child", _("Child (up to 12)")
        TEEN = "teen", _("Teen (13 to 17)")
        ADULT = "adult", _("Adult (18 to 64)")
        OLDER = "older", _("Older adult (65 and over)")

    class Language(models.TextChoices):
        ENGLISH = "en", "English"
        SPANISH = "es", "Español"
        POLISH = "pl", "Polski"
        OTHER = "other", _("Another language")

    class BestTime(models.TextChoices):
        MORNING = "morning", _("Weekday mornings")
        AFTERNOON = "afternoon", _("Weekday afternoons")
        EVENING = "evening", _("Weekday evenings")
        SATURDAY = "saturday", _("Saturdays")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", _("Handled")

    reference = models.CharField(max_length=9, unique=True, default=new_reference, editable=False)
    # The hidden token of the form that sent it: a second post of the same
    # form finds this row instead of making another.
    submission_token = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    language = models.CharField("site language", max_length=8, help_text="Language of the page it was sent from.")

    preference = models.CharField("where", max_length=12, choices=Preference.choices)
    office = models.ForeignKey(
        "locations.LocationPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The office's translation key: who may read the inquiry does not depend
    # on which language's page it came from, or on the page still existing.
    office_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    office_name = models.CharField(max_length=255, blank=True, editable=False)

    # Encrypted at rest (Fernet). The library stores "" as NULL, hence null=True.
    name = EncryptedCharField(max_length=100)
    email = EncryptedCharField("e-mail", max_length=254, blank=True, null=True)
    phone = EncryptedCharField(max_length=30, blank=True, null=True)
    preferred_contact = models.CharField(max_length=8, choices=Contact.choices)
    appointment_for = models.CharField(max_length=8, choices=For.choices)
    age_group = models.CharField("age group of the client", max_length=8, choices=AgeGroup.choices)
    telehealth_ok = models.BooleanField("telehealth acceptable", default=False)
    preferred_language = models.CharField(max_length=8, choices=Language.choices)
    best_times = models.JSONField("best times to call", default=list, blank=True)
    note = EncryptedTextField(max_length=500, blank=True, null=True)

    status = models.CharField(max_length=8, choices=Status.choices, default=Status.NEW, db_index=True)
    handled_at = models.DateTimeField(null=True, blank=True, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", editable=False,
    )


    objects = InquiryQuerySet.as_manager()
    # Page editors see an office page's "usage"; inquiries must never be listed there.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "inquiry"
        verbose_name_plural = "inquiries"
        ordering = ["-created_at"]
        permissions = [("resend_inquiry_notices", "Can send inquiry e-mails again")]

    def __str__(self):
        return f"Inquiry {self.reference}"

    @property
    def where(self):
        if self.preference == self.Preference.OFFICE:
            return self.office_name
        return self.get_preference_display()

    def get_best_times_display(self):
        labels = dict(self.BestTime.choices)
        return ", ".join(str(labels.get(code, code)) for code in self.best_times) or "-"

    def emails(self):
        """Each e-mail's state, e.g. "staff: sent, visitor: failed" (for the list)."""
        return ", ".join(f"{notice.kind}: {notice.status}" for notice in self.notices.all())

    emails.short_description = "e-mails"


class InquiryNotice(models.Model):
    """The outbox: one row per e-mail an inquiry causes.

    ``locations.notifications`` claims a row (pending, or its lease expired,
    becomes sending), sends, and marks it sent; failures wait with growing
    delays and end as failed after NOTIFICATION_MAX_ATTEMPTS.
    """

    class Kind(models.TextChoices):
        STAFF = "staff", "notice to intake staff"
        VISITOR = "visitor", "confirmation to the visitor"

    class Status(models.TextChoices):
        PENDING = "pending", "waiting to be sent"
        SENDING = "sending", "being sent"
        SENT = "sent", "sent"
        FAILED = "failed", "failed"

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    lease_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Only an error's class name or a fixed phrase: SMTP errors can quote addresses.
    last_error = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # Since when it has been due without being sent; "send again" restarts it.
    waiting_since = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "inquiry e-mail"
        ordering = ["inquiry_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "kind"], name="one_notice_per_kind"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notice_due")]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.inquiry_id}"


class IntakeAssignment(models.Model):
    """Which offices' inquiries an intake staff member may read."""

    wagtail_reference_index_ignore = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="intake_assignments",
        limit_choices_to={"groups__name": "Intake"},
    )
    office = models.ForeignKey(
        "locations.LocationPage", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text="Leave empty for requests that name no office (any office, or telehealth).",
    )

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
