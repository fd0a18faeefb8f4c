"""Inquiries are kept INQUIRY_RETENTION_DAYS days, then deleted with their e-mail records."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from locations.models import Inquiry, InquiryNotice

logger = logging.getLogger(__name__)


def delete_expired(now=None):
    """Delete what is past retention; returns (inquiries, e-mail records) deleted."""
    days = settings.INQUIRY_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    with transaction.atomic():
        _total, per_model = Inquiry.objects.filter(created_at__lt=cutoff).delete()
    inquiries = per_model.get(Inquiry._meta.label, 0)
    notices = per_model.get(InquiryNotice._meta.label, 0)
    # Counts only: nothing about the deleted requests themselves.
    logger.info("Retention: deleted %s inquiries and %s e-mail records older than %s days",
                inquiries, notices, days)
    return inquiries, notices
