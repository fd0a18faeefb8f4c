"""/healthz/ figure for inquiries: how long has the oldest unsent notice to
an office waited?

Registered with portal.health when the app is ready. Past
NOTIFICATION_MAX_PENDING_AGE seconds the site reports itself unhealthy,
because an office may not know that someone asked for help. Visitors'
confirmations do not count: a mistyped address must not mark the site down.
"""

from django.conf import settings
from django.utils import timezone

from inquiries.models import InquiryNotice
from portal.health import Unhealthy


def oldest_pending_notification():
    oldest = (
        InquiryNotice.objects.filter(
            kind=InquiryNotice.Kind.STAFF,
            status__in=[InquiryNotice.Status.PENDING, InquiryNotice.Status.SENDING],
        )
        .order_by("waiting_since")
        .values_list("waiting_since", flat=True)
        .first()
    )
    age = 0 if oldest is None else max(0, int((timezone.now() - oldest).total_seconds()))
    figures = {"oldest_pending_notification_seconds": age}
    if age > settings.NOTIFICATION_MAX_PENDING_AGE:
        raise Unhealthy(figures)
    return figures
