"""Inquiries are kept INQUIRY_RETENTION_DAYS days, then deleted with their
e-mail records and the audit entries about them."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from inquiries.models import Inquiry, InquiryLogEntry, InquiryNotice

logger = logging.getLogger(__name__)


def delete_expired(now=None):
    """Delete what is past retention; returns (inquiries, e-mail records) deleted."""
    days = settings.INQUIRY_RETENTION_DAYS
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    # Only ids are read: nothing is decrypted, so an unreadable row is deleted too.
    expired = Inquiry.objects.filter(created_at__lt=cutoff).only("pk")
    with transaction.atomic():
        ids = [str(pk) for pk in expired.values_list("pk", flat=True)]
        # Entries about these inquiries, and any older than the period (about
        # inquiries deleted by hand), go too: the log outlives no request.
        InquiryLogEntry.objects.filter(Q(object_id__in=ids) | Q(timestamp__lt=cutoff)).delete()
        _total, per_model = expired.delete()
    inquiries = per_model.get(Inquiry._meta.label, 0)
    notices = per_model.get(InquiryNotice._meta.label, 0)
    # Counts only: nothing about the deleted requests themselves.
    logger.info("Retention: deleted %s inquiries and %s e-mail records older than %s days",
                inquiries, notices, days)
    return inquiries, notices
