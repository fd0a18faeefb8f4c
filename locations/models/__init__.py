"""Offices, the appointment-request page, and the requests themselves."""

from .inquiries import Inquiry, InquiryNotice, IntakeAssignment
from .offices import WEEKDAYS, Closure, LocationIndexPage, LocationPage, OpeningHours
from .requests import AppointmentRequestPage, InquiryFormMixin

__all__ = [
    "WEEKDAYS",
    "AppointmentRequestPage",
    "Closure",
    "Inquiry",
    "InquiryFormMixin",
    "InquiryNotice",
    "IntakeAssignment",
    "LocationIndexPage",
    "LocationPage",
    "OpeningHours",
]
