"""Who a service is for: the same five groups on approach pages, clinician
pages (ages served) and, later, articles. Stored as one boolean each so that
filters are plain indexed lookups on every database, and synchronised across
translations (they are facts, not text)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

AUDIENCES = [
    ("children", _("Children")),
    ("teens", _("Teens")),
    ("adults", _("Adults")),
    ("couples", _("Couples")),
    ("families", _("Families")),
]
AUDIENCE_CODES = [code for code, _label in AUDIENCES]
AUDIENCE_FIELDS = [f"for_{code}" for code in AUDIENCE_CODES]


class AudienceMixin(models.Model):
    for_children = models.BooleanField("children", default=False)
    for_teens = models.BooleanField("teens", default=False)
    for_adults = models.BooleanField("adults", default=False)
    for_couples = models.BooleanField("couples", default=False)
    for_families = models.BooleanField("families", default=False)

    audience_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in AUDIENCE_FIELDS])],
            heading="Who it is for",
        )
    ]

    class Meta:
        abstract = True

    @property
    def audiences(self):
        """(code, label) of each group ticked, in the standard order."""
        return [(code, label) for code, label in AUDIENCES if getattr(self, f"for_{code}")]


def audience_filter(code):
    """A Q object for pages that are for ``code``, or None for an unknown code."""
    if code not in AUDIENCE_CODES:
        return None
    return Q(**{f"for_{code}": True})
