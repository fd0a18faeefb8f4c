"""Beat tasks that keep approach and clinician pages honest.

Both e-mails carry titles and links only: nothing about any client.
"""

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from approaches.models import Availability
from approaches.review import due_for_review
from portal.roles import CLINICAL_REVIEWERS

logger = logging.getLogger(__name__)

REMIND_EVERY_DAYS = 7  # a clinician who has not answered hears again a week later


def admin_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@shared_task
def email_reviewers_due_pages():
    """Monthly: tell clinical reviewers which pages are due for review."""
    pages = due_for_review()
    if not pages:
        return 0
    reviewers = list(
        get_user_model().objects.filter(groups__name=CLINICAL_REVIEWERS, is_active=True)
        .exclude(email="").values_list("email", flat=True).distinct()
    )
    if not reviewers:
        logger.warning("%d pages are due for clinical review but no reviewer has an e-mail address", len(pages))
        return 0
    body = render_to_string("approaches/email/reviews_due.txt", {
        "pages": [(page, admin_url(reverse("wagtailadmin_pages:edit", args=[page.pk]))) for page in pages],
        "report_url": admin_url(reverse("approaches_reviews_due")),
    })
    send_mail(f"{len(pages)} pages are due for clinical review", body, None, reviewers)
    return len(pages)


@shared_task
def remind_stale_availability():
    """Daily: clinicians whose "new clients" answer has gone stale are asked
    to confirm it (the public page already says "call to ask")."""
    today = timezone.localdate()
    stale = (
        Availability.objects.filter(confirmed_on__lt=Availability.stale_before(today))
        .filter(Q(reminded_on__isnull=True) | Q(reminded_on__lte=today - datetime.timedelta(days=REMIND_EVERY_DAYS)))
        .select_related("clinician__user")
    )
    sent = 0
    for row in stale:
        user = row.clinician.user
        if user is None or not user.is_active or not user.email:
            continue
        body = render_to_string("approaches/email/availability_reminder.txt", {
            "name": user.get_full_name() or user.get_username(),
            "clinician": row.clinician,
            "days": settings.AVAILABILITY_STALE_DAYS,
            "confirm_url": admin_url(reverse("approaches_availability:edit", args=[row.pk])),
        })
        send_mail("Are you taking new clients? Please confirm", body, None, [user.email])
        Availability.objects.filter(pk=row.pk).update(reminded_on=today)
        sent += 1
    return sent
