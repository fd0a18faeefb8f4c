"""The clinician directory's filters and sorting, from GET parameters.

Every filter is optional and they combine (AND): ``approach`` and ``office``
(page slugs in the visitor's language), ``age`` (children, teens, adults,
couples, families), ``language`` (a code such as ``es``), ``telehealth=1``,
``availability`` (``yes`` or ``waitlist``) and ``near`` (a ZIP code or
Illinois city, which sorts by distance to each clinician's nearest office,
using the office finder's geocoding). Unknown values are ignored, so an old
or edited link still shows a sensible list.

Querysets and choices are passed in, so this module needs nothing from the
models that use it.
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy as _

from approaches.audiences import AUDIENCES, audience_filter
from approaches.localized import in_locale
from locations.finder import great_circle_miles
from locations.geocoding import PlaceNotFound, locate
from portal.models import CustomImage
from portal.renditions import IMAGE_SIZES

PHOTO_RENDITIONS = IMAGE_SIZES["portrait"].filter_specs()
AVAILABILITY_CHOICES = [("yes", _("Accepting new clients")), ("waitlist", _("Waitlist"))]


@dataclass
class ClinicianCard:
    page: object
    approaches: list
    offices: list
    languages: list
    availability: object
    distance_miles: float | None = None
    nearest_office: object = None

    @property
    def distance_label(self):
        if self.distance_miles is None:
            return ""
        return gettext("%(miles)s miles to %(office)s") % {
            "miles": number_format(self.distance_miles, 1),
            "office": self.nearest_office.title,
        }


@dataclass
class Directory:
    params: object
    locale: object
    clinicians: object  # queryset of clinician pages to list
    approaches: object  # queryset of approach pages in the visitor's language
    offices: object  # queryset of office pages in the visitor's language
    languages: list  # (code, label)
    availability: object  # the Availability model
    selected: dict = field(default_factory=dict)
    error: str = ""
    place: object = None
    cards: list = field(default_factory=list)

    def __post_init__(self):
        self.approach_choices = [(page.slug, page.title, page.translation_key) for page in self.approaches]
        self.office_choices = [(page.slug, page.title, page.translation_key) for page in self.offices]
        clinicians = self._filtered(self.clinicians)
        self.cards = self._cards(clinicians)

    # -- filters ---------------------------------------------------------

    def _choice(self, name, choices):
        value = self.params.get(name, "")
        for choice in choices:
            if choice[0] == value:
                self.selected[name] = value
                return choice
        return None

    def _filtered(self, clinicians):
        approach = self._choice("approach", self.approach_choices)
        if approach:
            clinicians = clinicians.filter(approach_links__approach__translation_key=approach[2])
        office = self._choice("office", self.office_choices)
        if office:
            clinicians = clinicians.filter(office_links__office__translation_key=office[2])
        age = self._choice("age", AUDIENCES)
        if age:
            clinicians = clinicians.filter(audience_filter(age[0]))
        language = self._choice("language", self.languages)
        if language:
            clinicians = clinicians.filter(language_links__language=language[0])
        if self.params.get("telehealth") == "1":
            self.selected["telehealth"] = "1"
            clinicians = clinicians.filter(telehealth=True)
        availability = self._choice("availability", AVAILABILITY_CHOICES)
        if availability:
            current = self.availability.objects.filter(
                status=availability[0], confirmed_on__gte=self.availability.stale_before()
            )
            clinicians = clinicians.filter(translation_key__in=current.values("clinician__translation_key"))
        near = self.params.get("near", "").strip()
        if near:
            self.selected["near"] = near[:200]
            try:
                self.place = locate(near)
            except PlaceNotFound as problem:
                self.error = str(problem.message)
        return clinicians.distinct().order_by("title")

    @property
    def is_filtered(self):
        return bool(self.selected)

    # -- results ---------------------------------------------------------

    def _cards(self, clinicians):
        pages = list(
            clinicians.prefetch_related(
                "approach_links__approach",
                "office_links__office",
                "language_links",
                Prefetch("photo", queryset=CustomImage.objects.prefetch_renditions(*PHOTO_RENDITIONS)),
            )
        )
        if not pages:
            return []
        language_names = dict(self.languages)
        approaches = _by_key(in_locale(
            [link.approach for page in pages for link in page.approach_links.all()], self.locale
        ))
        offices = _by_key(in_locale(
            [link.office for page in pages for link in page.office_links.all()], self.locale
        ))
        availability = self.availability.public_status_for(pages)
        cards = []
        for page in pages:
            card = ClinicianCard(
                page=page,
                approaches=[approaches[link.approach.translation_key] for link in page.approach_links.all()
                            if link.approach.translation_key in approaches],
                offices=[offices[link.office.translation_key] for link in page.office_links.all()
                         if link.office.translation_key in offices],
                languages=[language_names[link.language] for link in page.language_links.all()
                           if link.language in language_names],
                availability=availability[page.translation_key],
            )
            if self.place is not None:
                self._measure(card, page)
            cards.append(card)
        if self.place is not None:
            cards.sort(key=lambda card: (card.distance_miles is None, card.distance_miles or 0, card.page.title))
        return cards

    def _measure(self, card, page):
        point = self.place.point
        for link in page.office_links.all():
            office = link.office
            if not office.has_coordinates:
                continue
            miles = great_circle_miles(point.latitude, point.longitude, float(office.latitude),
                                       float(office.longitude))
            if card.distance_miles is None or miles < card.distance_miles:
                shown = next((o for o in card.offices if o.translation_key == office.translation_key), office)
                card.distance_miles, card.nearest_office = miles, shown


def _by_key(pages):
    return {page.translation_key: page for page in pages}

