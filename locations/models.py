"""Offices: the office finder page and one page per office."""

import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from locations.finder import find_offices
from locations.geocoding import zip_centroid
from locations.hours import status_line
from locations.structured_data import medical_clinic
from portal.models import BasePage
from portal.models.site_settings import phone_validator

zip_validator = RegexValidator(r"^\d{5}$", "Enter a five-digit ZIP code.")


class LocationIndexPage(BasePage):
    """/locations/: every office, sorted by distance when the visitor says where they are."""

    intro = models.TextField(blank=True, max_length=600)

    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["locations.LocationPage"]
    max_count_per_parent = 1
    template = "locations/location_index_page.html"

    class Meta:
        verbose_name = "office finder"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        finder = find_offices(request, self, LocationPage.objects)
        context["finder"] = finder
        context["map_markers"] = finder.map_markers(request)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Bad input still shows the whole list, with the message above it.
        if response.context_data["finder"].error:
            response.status_code = 400
        return response


class LocationPage(BasePage):
    """One office. Address, phone, coordinates and hours are the same in every
    language; translators only see the descriptions and notes. Its template
    shows the appointment form (the inquiries app's tag) with this office chosen."""

    street_address = models.CharField(max_length=255)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, default="IL")
    zip_code = models.CharField("ZIP code", max_length=5, validators=[zip_validator])
    phone = models.CharField(max_length=20, validators=[phone_validator])
    public_email = models.EmailField(blank=True, help_text="Shown on the page. Leave empty for none.")
    intake_email = models.EmailField(
        blank=True,
        help_text="Where inquiry notices for this office go. Never shown publicly; "
        "empty means the default address under Settings > Appointment requests.",
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, db_index=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text="Left empty, it is filled from the ZIP code's centre when saved.",
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True, db_index=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    description = models.TextField(blank=True, max_length=1000)
    photo = models.ForeignKey(
        "portal.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text="The building or the waiting room, so visitors recognise it. Shown above the facts and on cards.",
    )
    parking_notes = models.TextField("parking", blank=True, max_length=500)
    transit_notes = models.TextField("public transport", blank=True, max_length=500)
    accessibility_notes = models.TextField("accessibility", blank=True, max_length=500)
    languages_spoken = models.CharField(
        max_length=255, blank=True, help_text="As visitors should read it, e.g. 'English, Spanish'."
    )
    telehealth_offered = models.BooleanField(default=True)
    accepting_new_patients = models.BooleanField(default=True)

    content_panels = BasePage.content_panels + [
        FieldPanel("description"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("state"), FieldPanel("zip_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading="Address",
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("public_email"), FieldPanel("intake_email")],
            heading="Contact",
        ),
        InlinePanel("opening_hours", heading="Opening hours", label="Day"),
        InlinePanel("closures", heading="Closures and holidays", label="Closure"),
        MultiFieldPanel(
            [
                FieldPanel("parking_notes"),
                FieldPanel("transit_notes"),
                FieldPanel("accessibility_notes"),
                FieldPanel("languages_spoken"),
                FieldPanel("telehealth_offered"),
                FieldPanel("accepting_new_patients"),
            ],
            heading="Visiting",
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("city"),
        index.SearchField("street_address"),
        index.SearchField("description"),
        index.SearchField("parking_notes"),
        index.SearchField("transit_notes"),
        index.SearchField("accessibility_notes"),
        index.SearchField("languages_spoken"),
        index.FilterField("zip_code"),
    ]

    # Translators never retype facts: these follow the source page.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("street_address", "city", "state", "zip_code", "phone", "public_email",
                     "intake_email", "latitude", "longitude")
    ]

    parent_page_types = ["locations.LocationIndexPage"]
    subpage_types = []
    template = "locations/location_page.html"
    image_sizes = {"photo": ("hero", "card")}

    class Meta:
        verbose_name = "office"
        indexes = [models.Index(fields=["latitude", "longitude"], name="location_lat_lng")]

    def get_meta_description(self):
        return self.search_description or Truncator(self.description).chars(160) or self.full_address

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError("Give both latitude and longitude, or leave both empty.")

    def save(self, *args, **kwargs):
        self._fill_coordinates_from_zip()
        return super().save(*args, **kwargs)

    def _fill_coordinates_from_zip(self):
        """Fill empty coordinates from the ZIP centre. When the ZIP changes and
        the coordinates are still the old ZIP's centre, move them along; never
        overwrite coordinates staff set themselves."""
        if not self.zip_code:
            return
        if self.has_coordinates and self.pk:
            old_zip = type(self).objects.filter(pk=self.pk).values_list("zip_code", flat=True).first()
            old_centre = zip_centroid(old_zip) if old_zip and old_zip != self.zip_code else None
            if old_centre is None or (self.latitude, self.longitude) != old_centre.rounded():
                return
        elif self.has_coordinates:
            return
        point = zip_centroid(self.zip_code)
        if point:
            self.latitude, self.longitude = point.rounded()

    def get_context(self, request, *args, **kwargs):
        # Hours and closures are read by the status line, the table and the JSON-LD.
        if self.pk:  # an unsaved page (admin preview) keeps them in memory
            prefetch_related_objects([self], "opening_hours", "closures")
        context = super().get_context(request, *args, **kwargs)
        context["status"] = status_line(self)
        context["structured_data"] = medical_clinic(self, request)
        today = timezone.localdate()
        upcoming = sorted((c for c in self.closures.all() if c.date >= today), key=lambda c: c.date)
        context["upcoming_closures"] = upcoming[:5]
        context["week"] = self.week()
        if self.has_coordinates:
            context["map_markers"] = [
                {"name": self.title, "url": self.get_url(request),
                 "lat": float(self.latitude), "lng": float(self.longitude)}
            ]
        return context

    def week(self):
        """Monday to Sunday, each with its rows (empty: closed that day)."""
        rows = {}
        for row in self.opening_hours.all():
            rows.setdefault(row.weekday, []).append(row)
        return [
            (label, sorted(rows.get(day, []), key=lambda r: (r.by_appointment, r.opens or datetime.time())))
            for day, label in WEEKDAYS
        ]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def full_address(self):
        return f"{self.street_address}, {self.city}, {self.state} {self.zip_code}"

    @property
    def phone_href(self):
        digits = "".join(ch for ch in self.phone if ch.isdigit())
        if len(digits) == 10:
            return f"tel:+1{digits}"
        return f"tel:+{digits}" if self.phone.strip().startswith("+") else f"tel:{digits}"

    @property
    def directions_url(self):
        return "https://www.google.com/maps/dir/?" + urlencode(
            {"api": "1", "destination": self.full_address}
        )


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class OpeningHours(Orderable):
    """One weekday's hours. Synchronised across translations (not translatable)."""

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(choices=WEEKDAYS)
    opens = models.TimeField(null=True, blank=True)
    closes = models.TimeField(null=True, blank=True)
    by_appointment = models.BooleanField(
        default=False, help_text="Tick instead of giving times when this day is by appointment only."
    )

    panels = [
        FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("by_appointment"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "opening hours"
        verbose_name_plural = "opening hours"

    def clean(self):
        if self.by_appointment:
            return
        if self.opens is None or self.closes is None:
            raise ValidationError("Give opening and closing times, or tick 'by appointment'.")
        if self.opens >= self.closes:
            raise ValidationError({"closes": "Closing time must be after opening time."})


class Closure(TranslatableMixin, Orderable):
    """A dated closure (holiday). The date follows the source; the note is translated."""

    page = ParentalKey(LocationPage, on_delete=models.CASCADE, related_name="closures")
    date = models.DateField()
    note = models.CharField(max_length=120, blank=True, help_text="e.g. 'Thanksgiving'.")

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("note")])]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "closure"
