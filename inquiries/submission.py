"""Turning a valid appointment form into a stored inquiry.

The inquiry and its outbox rows are written in one transaction before
anything else happens; the delivery tasks are queued only after it commits.
If the broker is down at that moment the visitor still gets the thank-you
page and the rows wait for the minute sweep (``inquiries.tasks``).

One form token stores one inquiry. Its id is the inquiry's unique
``submission_token``: the same form posted again with the same answers (a
double click, a resent POST) finds the stored inquiry; posted again with
different answers (the back button, a second child) it stores nothing and
the visitor is asked to send it again with a fresh token.
"""

import enum
import functools

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from inquiries import tasks
from inquiries.encryption import UndecryptableInquiry
from inquiries.forms import ANY_OFFICE, TELEHEALTH
from inquiries.models import Inquiry, InquiryNotice
from locations.models import LocationPage


class Outcome(enum.Enum):
    STORED = "stored"
    DUPLICATE = "already stored (the same form sent twice)"
    TOKEN_USED = "token already used for another request"


def source_office(office):
    """The office's own record: its page in the site's default language."""
    if office is None or office.locale.language_code == settings.LANGUAGE_CODE:
        return office
    return (
        LocationPage.objects.filter(
            translation_key=office.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or office
    )


def inquiry_from_form(form, office, language):
    """The unsaved inquiry that ``form`` describes; ``office`` is the page chosen."""
    data = form.cleaned_data
    choice = data["office"]
    preference = choice if choice in (ANY_OFFICE, TELEHEALTH) else Inquiry.Preference.OFFICE
    own_record = source_office(office)
    return Inquiry(
        submission_token=form.token.id,
        language=language,
        preference=preference,
        office=own_record,
        office_key=office.translation_key if office else None,
        office_name=own_record.title if own_record else "",
        name=data["name"],
        email=data.get("email", ""),
        phone=data.get("phone", ""),
        preferred_contact=data["preferred_contact"],
        appointment_for=data["appointment_for"],
        age_group=data["age_group"],
        telehealth_ok=data.get("telehealth_ok", False) or preference == TELEHEALTH,
        preferred_language=data["preferred_language"],
        best_times=list(data.get("best_times") or []),
        note=data.get("note", ""),
    )


def notices_for(inquiry):
    """The e-mails it causes: always the office's notice; a confirmation only
    when the visitor asked to be contacted by e-mail."""
    kinds = [InquiryNotice.Kind.STAFF]
    if inquiry.email and inquiry.preferred_contact == Inquiry.Contact.EMAIL:
        kinds.append(InquiryNotice.Kind.VISITOR)
    now = timezone.now()
    return [InquiryNotice(inquiry=inquiry, kind=kind, next_attempt_at=now) for kind in kinds]


def _outcome_against(stored, candidate):
    try:
        same = stored.same_answers_as(candidate)
    except UndecryptableInquiry:  # its key is gone: it cannot be this visitor's repeat
        same = False
    return (stored, Outcome.DUPLICATE if same else Outcome.TOKEN_USED)


def accept_inquiry(form, office, language):
    """Store the inquiry and its outbox rows; queue delivery after commit.

    Returns (inquiry, Outcome). Only STORED wrote anything.
    """
    candidate = inquiry_from_form(form, office, language)
    stored = Inquiry.objects.filter(submission_token=candidate.submission_token).first()
    if stored is not None:
        return _outcome_against(stored, candidate)
    try:
        with transaction.atomic():
            candidate.save()
            notices = InquiryNotice.objects.bulk_create(notices_for(candidate))
            for notice in notices:
                transaction.on_commit(functools.partial(tasks.queue_delivery, notice.pk))
    except IntegrityError:
        # The same form posted twice at the same moment: the other request won.
        stored = Inquiry.objects.filter(submission_token=candidate.submission_token).first()
        if stored is None:
            raise
        return _outcome_against(stored, candidate)
    return candidate, Outcome.STORED
