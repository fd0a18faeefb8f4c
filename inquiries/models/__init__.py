"""Appointment requests: the inquiries, their outbox, who may read them,
the request page and its settings."""

from .access import IntakeAssignment, InquiryLogEntry
from .pages import AppointmentRequestPage, chosen_office
from .requests import Inquiry, InquiryNotice
from .settings import InquirySettings

__all__ = [
    "AppointmentRequestPage",
    "Inquiry",
    "InquiryLogEntry",
    "InquiryNotice",
    "InquirySettings",
    "IntakeAssignment",
    "chosen_office",
]
