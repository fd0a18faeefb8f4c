"""Which reviewed pages are due for another clinical review.

Each reviewed page type registers how long a review holds (approach pages
12 months here; the blog adds articles for parents). The review report in
the admin and the monthly e-mail to reviewers both read ``due_for_review``.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from approaches.models import ApproachPage

REVIEW_INTERVALS = {}  # page model -> (days a review holds, Q of the pages concerned or None)


def register_reviewed_page_type(model, days, only=None):
    """Pages of ``model`` (those matching the Q object ``only``, if given)
    are due again ``days`` after their last clinical review."""
    REVIEW_INTERVALS[model] = (days, only)


register_reviewed_page_type(ApproachPage, 365)


def due_for_review(today=None):
    """Live pages in the default language, never reviewed or reviewed longer
    ago than their interval, oldest review first (never reviewed first)."""
    today = today or timezone.localdate()
    due = []
    for model, (days, only) in REVIEW_INTERVALS.items():
        cutoff = today - datetime.timedelta(days=days)
        due += list(
            model.objects.live()
            .filter(only or Q())
            .filter(locale__language_code=settings.LANGUAGE_CODE)
            .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=cutoff))
            .select_related("reviewed_by")
        )
    return sorted(due, key=lambda page: (page.last_reviewed is not None, page.last_reviewed or today, page.title))
