"""Approach pages and the clinician directory, with the clinical review that
both go through before they are published."""

from .approaches import ApproachIndexPage, ApproachPage, RelatedApproach
from .clinicians import (
    Availability,
    ClinicianApproach,
    ClinicianIndexPage,
    ClinicianLanguage,
    ClinicianOffice,
    ClinicianPage,
)
from .review import ClinicalReviewMixin, ClinicalReviewTask

__all__ = [
    "ApproachIndexPage",
    "ApproachPage",
    "Availability",
    "ClinicalReviewMixin",
    "ClinicalReviewTask",
    "ClinicianApproach",
    "ClinicianIndexPage",
    "ClinicianLanguage",
    "ClinicianOffice",
    "ClinicianPage",
    "RelatedApproach",
]
