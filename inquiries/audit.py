"""The audit trail: who viewed, exported, handled or re-sent which inquiry.

Entries go to Wagtail's log (InquiryLogEntry, shown in the inquiry's
history and in Reports > Site history), with the reference as their label
and never any of the visitor's answers. They are scoped like the inquiries
themselves and deleted with them at retention.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.log_actions import log

from inquiries.models import Inquiry, InquiryLogEntry

VIEW = "inquiries.view"
EXPORT = "inquiries.export"
HANDLED = "inquiries.handled"
REOPENED = "inquiries.reopened"
SEND_AGAIN = "inquiries.send_again"

# action: (label in filters, message in history)
ACTIONS = {
    VIEW: ("View inquiry", "Viewed"),
    EXPORT: ("Export inquiries", "Exported"),
    HANDLED: ("Mark inquiry handled", "Marked handled"),
    REOPENED: ("Mark inquiry new", "Marked new again"),
    SEND_AGAIN: ("Send inquiry e-mails again", "E-mails sent again"),
}


def register(actions):
    """For the ``register_log_actions`` hook."""
    actions.register_model(Inquiry, InquiryLogEntry)
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


def record(inquiry, action, user, data=None):
    log(inquiry, action, user=user, data=data or {})


def record_each(inquiries, action, user, data=None):
    """One entry per inquiry in a single query (an export may hold hundreds)."""
    content_type = ContentType.objects.get_for_model(Inquiry)
    now = timezone.now()
    InquiryLogEntry.objects.bulk_create([
        InquiryLogEntry(
            content_type=content_type, label=str(inquiry), action=action, timestamp=now,
            user=user, data=data or {}, object_id=str(inquiry.pk), office_key=inquiry.office_key,
        )
        for inquiry in inquiries
    ])
