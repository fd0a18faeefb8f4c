"""Appointment requests ("inquiries") and the outbox of e-mails they cause.

An inquiry is health information (PRODUCT.md). It is saved before anything
else happens, in one transaction with an outbox row per e-mail to send. The
e-mails themselves carry no personal data; Celery tasks carry only the
outbox row's id. Contact details and the note are encrypted at rest.
"""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inquiries.encryption import EncryptedTextField

from .access import IntakeAssignment

# Unambiguous when read aloud on the phone: no 0/O, 1/I/L, U/V.
REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"


def new_reference():
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{code[:4]}-{code[4:]}"


class InquiryQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Superusers see every inquiry; intake staff those of their own
        offices (and general requests, if assigned them); everyone else none."""
        scope = IntakeAssignment.objects.office_scope(user)
        return self if scope is None else self.filter(scope)


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

    # What the visitor answered; a second post of the same form compares these.
    ANSWERS = (
        "preference", "office_key", "name", "email", "phone", "preferred_contact", "appointment_for",
        "age_group", "telehealth_ok", "preferred_language", "best_times", "note",
    )

    reference = models.CharField(max_length=9, unique=True, default=new_reference, editable=False)
    # The one-off id of the form that sent it: one form, one inquiry.
    submission_token = models.UUIDField(unique=True, editable=False)
    created_at = models.DateTimeField("received", auto_now_add=True, db_index=True)
    language = models.CharField("site language", max_length=8, help_text="Language of the page it was sent from.")

    preference = models.CharField("where", max_length=12, choices=Preference.choices)
    # The office in the site's default language: its own record, whichever
    # language's page the visitor used.
    office = models.ForeignKey(
        "locations.LocationPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The office's translation key: who may read the inquiry does not depend
    # on which language's page it came from, or on the page still existing.
    office_key = models.UUIDField(null=True, blank=True, db_index=True, editable=False)
    office_name = models.CharField(max_length=255, blank=True, editable=False)

    # Encrypted at rest with INQUIRY_ENCRYPTION_KEYS (inquiries.encryption).
    name = EncryptedTextField(max_length=100, blank=False)
    email = EncryptedTextField("e-mail", max_length=254)
    phone = EncryptedTextField(max_length=30)
    preferred_contact = models.CharField(max_length=8, choices=Contact.choices)
    appointment_for = models.CharField(max_length=8, choices=For.choices)
    age_group = models.CharField("age group of the client", max_length=8, choices=AgeGroup.choices)
    telehealth_ok = models.BooleanField("telehealth acceptable", default=False)
    preferred_language = models.CharField(max_length=8, choices=Language.choices)
    best_times = models.JSONField("best times to call", default=list, blank=True)
    note = EncryptedTextField(max_length=500)

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

    def same_answers_as(self, other):
        """Whether ``other`` (an unsaved inquiry) asks exactly what this one asked."""
        return all(getattr(self, name) == getattr(other, name) for name in self.ANSWERS)

    def emails(self):
        """Each e-mail's state, e.g. "staff: sent, visitor: failed" (for the list)."""
        return ", ".join(f"{notice.kind}: {notice.status}" for notice in self.notices.all())

    emails.short_description = "e-mails"


class InquiryNotice(models.Model):
    """The outbox: one row per e-mail an inquiry causes.

    ``inquiries.outbox`` claims a row (pending, or its lease expired, becomes
    sending), sends, and marks it sent; failures wait with growing delays
    and end as failed after NOTIFICATION_MAX_ATTEMPTS.
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
    # The same random Message-ID on every try lets mail systems drop a copy
    # sent twice, and tells nobody how many e-mails the site has sent.
    message_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = "inquiry e-mail"
        ordering = ["inquiry_id", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "kind"], name="one_notice_per_kind"),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notice_due")]

    def __str__(self):
        return f"{self.get_kind_display()} for {self.inquiry_id}"
