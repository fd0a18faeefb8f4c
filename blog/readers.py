"""Who an article is written for, and the age of the child it is about.

One boolean each, as approaches/audiences.py does, so that filters are plain
indexed lookups and the values are synchronised across translations."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

READERS = [
    ("parents", _("Parents")),
    ("teens", _("Teens")),
    ("adults", _("Adults")),
    ("educators", _("Educators")),
]
AGE_GROUPS = [
    ("early-years", _("Young children (0–5)")),
    ("school-age", _("School age (6–12)")),
    ("teenagers", _("Teenagers (13–18)")),
]
READER_FIELDS = {code: f"for_{code}" for code, _label in READERS}
AGE_FIELDS = {code: "age_" + code.replace("-", "_") for code, _label in AGE_GROUPS}


class ReadersMixin(models.Model):
    for_parents = models.BooleanField("parents", default=False)
    for_teens = models.BooleanField("teens", default=False)
    for_adults = models.BooleanField("adults", default=False)
    for_educators = models.BooleanField("educators", default=False)
    age_early_years = models.BooleanField("young children (0–5)", default=False)
    age_school_age = models.BooleanField("school age (6–12)", default=False)
    age_teenagers = models.BooleanField("teenagers (13–18)", default=False)

    readers_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel(name) for name in READER_FIELDS.values()], heading="Written for"),
                FieldRowPanel([FieldPanel(name) for name in AGE_FIELDS.values()], heading="Child's age"),
            ],
            heading="Who it is for",
        )
    ]

    class Meta:
        abstract = True

    @property
    def readers(self):
        return [(code, label) for code, label in READERS if getattr(self, READER_FIELDS[code])]

    @property
    def age_groups(self):
        return [(code, label) for code, label in AGE_GROUPS if getattr(self, AGE_FIELDS[code])]


def reader_filter(code):
    """A Q object for articles written for ``code``; None for an unknown code."""
    return Q(**{READER_FIELDS[code]: True}) if code in READER_FIELDS else None


def age_filter(code):
    return Q(**{AGE_FIELDS[code]: True}) if code in AGE_FIELDS else None
