"""Turning a valid appointment form into a stored inquiry.

The inquiry and its outbox rows are written in one transaction before
anything else happens; the delivery tasks are queued only after it commits.
If the broker is down at that moment the visitor still gets the thank-you
page and the rows wait for the minute sweep (locations.notifications).
"""

import functools
import hashlib
import json
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.views.decorators.debug import sensitive_variables
from wagtail.models import Locale

from locations.forms import ANY_OFFICE, TELEHEALTH
from locations.models import Inquiry, InquiryNotice, LocationIndexPage, LocationPage
from locations.notifications import queue_delivery


def offices_to_choose():
    """The offices the visitor's finder lists: live ones in their language,
    plus those whose translation is not live yet (``finder.every_office``)."""
    from locations.finder import every_office, fallback_finder

    finders = LocationIndexPage.objects.live()
    index = (finders.filter(locale=Locale.get_active()).first()
             or finders.filter(locale__language_code=settings.LANGUAGE_CODE).first())
    if index is None:
        return []
    fields = ("title", "translation_key", "locale", "path", "depth", "url_path", "live")
    return list(every_office(index, LocationPage.objects.only(*fields), fallback_finder(index)))


def _office_name(office):
    """The office's name in the site's default language, for staff."""
    if office.locale.language_code == settings.LANGUAGE_CODE:
        return office.title
    source = (
        LocationPage.objects.filter(
            translation_key=office.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).only("title").first()
    )
    return source.title if source else office.title


@sensitive_variables()
def submission_key(form):
    """Identifies one visitor's send of one form: the form's one-off token
    together with the answers. A double click or a re-sent POST repeats both
    and finds the stored inquiry; a second, different request sent from the
    same page (back button, another child) differs in its answers and is kept.
    The answers only enter as a digest salted by the token, which is not stored."""
    answers = {
        name: value for name, value in form.cleaned_data.items()
        if name not in ("form_token", "website", "consent")
    }
    digest = hashlib.sha256(json.dumps(answers, sort_keys=True, default=str).encode()).hexdigest()
    return uuid.uuid5(form.token, digest)


def accept_inquiry(form, office, language):
    """Store the inquiry and its outbox rows; queue delivery after commit.

    Returns (inquiry, created). A second post of the same form with the same
    answers returns the first inquiry with created=False.
    """
    data = form.cleaned_data
    token = submission_key(form)
    existing = Inquiry.objects.filter(submission_token=token).first()
    if existing is not None:
        return existing, False

    choice = data["office"]
    preference = choice if choice in (ANY_OFFICE, TELEHEALTH) else Inquiry.Preference.OFFICE
    inquiry = Inquiry(
        submission_token=token,
        language=language,
        preference=preference,
        office=office,
        office_key=office.translation_key if office else None,
        office_name=_office_name(office) if office else "",
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
    kinds = [InquiryNotice.Kind.STAFF]
    if inquiry.email:
        kinds.append(InquiryNotice.Kind.VISITOR)
    try:
        with transaction.atomic():
            inquiry.save()
            now = timezone.now()
            notices = InquiryNotice.objects.bulk_create(
                [InquiryNotice(inquiry=inquiry, kind=kind, next_attempt_at=now) for kind in kinds]
            )
            for notice in notices:
                transaction.on_commit(functools.partial(queue_delivery, notice.pk))
    except IntegrityError:
        # The same form posted twice at the same moment: the other request won.
        first = Inquiry.objects.filter(submission_token=token).first()
        if first is None:
            raise
        return first, False
    return inquiry, True
