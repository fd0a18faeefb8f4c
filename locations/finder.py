"""The nearest-office finder behind /locations/.

A visitor gives a ZIP code or Illinois city (?near=) or the browser's
position (?lat=&lng=). Offices near it are found with a bounding box on the
indexed latitude and longitude columns, then ranked by exact great-circle
distance. The visitor's location is neither stored nor logged.

The finder is given the office pages to search (a queryset of the office
model), so it needs nothing from ``locations.models``, which uses it.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from locations.geocoding import Place, PlaceNotFound, locate, parse_coordinates
from locations.hours import status_line

EARTH_RADIUS_MILES = 3958.8
SEARCH_RADIUS_MILES = (75, 300)  # tried in turn before searching everywhere
NEAREST_COUNT = 10


def great_circle_miles(lat1, lng1, lat2, lng2):
    """Haversine distance in miles."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lng2 - lng1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(point, miles):
    """A latitude/longitude box holding every point within ``miles``.

    Longitude degrees shrink towards the pole, so the box is as wide as the
    circle needs at its edge nearest the pole.
    """
    lat_delta = miles / 69.0
    polar_edge = min(89.0, abs(point.latitude) + lat_delta)
    lng_delta = min(180.0, miles / max(1e-6, 69.0 * math.cos(math.radians(polar_edge))))
    return (
        point.latitude - lat_delta,
        point.latitude + lat_delta,
        point.longitude - lng_delta,
        point.longitude + lng_delta,
    )


@dataclass
class OfficeResult:
    page: object
    status: str
    distance_miles: float | None = None

    @property
    def distance_label(self):
        if self.distance_miles is None:
            return ""
        # Always one decimal place, so the plural form never changes.
        return gettext("%(miles)s miles") % {"miles": number_format(self.distance_miles, 1)}


@dataclass
class FinderResult:
    query: str = ""
    place: Place | None = None
    error: str = ""
    offices: list = field(default_factory=list)

    @property
    def sorted_by_distance(self):
        return self.place is not None

    def map_markers(self, request):
        return [
            {
                "name": result.page.title,
                "url": result.page.get_url(request),
                "lat": float(result.page.latitude),
                "lng": float(result.page.longitude),
            }
            for result in self.offices
            if result.page.has_coordinates
        ]


def _place_from(params):
    query = params.get("near", "").strip()
    if query:
        return query, locate(query)
    if params.get("lat") or params.get("lng"):
        return "", parse_coordinates(params.get("lat"), params.get("lng"))
    return "", None


def _shortlist_sql(table, with_box, with_fallback):
    """Id and coordinates of live offices in the visitor's finder, nearest
    first by a flat-earth approximation. With ``with_fallback``, offices of
    the default language's finder that have no live translation yet count
    too. Plain SQL: this runs on every search, and building it through the
    ORM would cost more than the database's work."""
    box = (
        "AND office.latitude BETWEEN %s AND %s AND office.longitude BETWEEN %s AND %s"
        if with_box
        else ""
    )
    fallback = (
        """OR (page.path LIKE %s AND NOT EXISTS (
                SELECT 1 FROM wagtailcore_page translated
                WHERE translated.translation_key = page.translation_key
                  AND translated.locale_id = %s AND translated.live))"""
        if with_fallback
        else ""
    )
    return f"""
        SELECT office.page_ptr_id, office.latitude, office.longitude
        FROM {table} office
        JOIN wagtailcore_page page ON page.id = office.page_ptr_id
        WHERE page.live AND page.depth = %s AND (page.path LIKE %s {fallback})
          AND office.latitude IS NOT NULL AND office.longitude IS NOT NULL {box}
        ORDER BY (office.latitude - %s) * (office.latitude - %s)
               + (office.longitude - %s) * (office.longitude - %s) * %s
        LIMIT %s"""


def fallback_finder(index_page):
    """The default language's finder when the visitor reads a translation of it."""
    if get_language() == settings.LANGUAGE_CODE:
        return None
    default = index_page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return default if default and default.depth == index_page.depth else None


def nearest(index_page, offices, point, count=NEAREST_COUNT, fallback=None):
    """The ``count`` live offices under ``index_page`` nearest to ``point``,
    each with its distance in miles. ``offices`` says how to load the chosen
    ones (model, fields, prefetches); the SQL shortlist already applies the tree and
    live filters, so it is used for loading by id only. ``fallback`` is the
    default language's finder, whose untranslated offices count too.

    The database looks inside a bounding box on the indexed latitude and
    longitude and shortlists by approximate distance; Python ranks the
    shortlist by exact great-circle distance. Only when the box holds too few
    offices does the search widen, and in the end cover every office.
    """
    shortlist = count * 2  # the approximation may swap near-equal neighbours
    squash = math.cos(math.radians(point.latitude)) ** 2  # longitude degrees are shorter
    tree = [index_page.depth + 1, f"{index_page.path}%"]
    if fallback is not None:
        tree += [f"{fallback.path}%", index_page.locale_id]
    order = [point.latitude, point.latitude, point.longitude, point.longitude, squash, shortlist]

    def ranked(rows):
        return sorted(
            (great_circle_miles(point.latitude, point.longitude, float(lat), float(lng)), pk)
            for pk, lat, lng in rows
        )[:count]

    table = connection.ops.quote_name(offices.model._meta.db_table)
    with connection.cursor() as cursor:
        for miles in SEARCH_RADIUS_MILES:
            # Decimal bounds match the numeric columns, so their indexes are used.
            box = [Decimal(f"{edge:.6f}") for edge in bounding_box(point, miles)]
            cursor.execute(_shortlist_sql(table, True, fallback is not None), tree + box + order)
            nearest_in_box = ranked(cursor.fetchall())
            # Done only if the count-th office is within the circle the box
            # holds: anything outside the box is farther than that.
            if len(nearest_in_box) == count and nearest_in_box[-1][0] <= miles:
                result = nearest_in_box
                break
        else:
            cursor.execute(_shortlist_sql(table, False, fallback is not None), tree + order)
            result = ranked(cursor.fetchall())
    pages = offices.in_bulk([pk for _distance, pk in result])
    return [(pages[pk], distance) for distance, pk in result if pk in pages]


# What an office card in the list shows; loading less makes the search cheap.
CARD_FIELDS = (
    "title", "slug", "url_path", "path", "depth", "locale", "live", "translation_key",
    "street_address", "city", "state", "zip_code", "phone", "latitude", "longitude", "photo",
)


def office_cards(offices):
    """``offices`` loaded with what their cards show, hours and closures included."""
    return (offices.only(*CARD_FIELDS).select_related("photo")
            .prefetch_related("opening_hours", "closures", "photo__renditions"))


def every_office(index_page, cards, fallback=None):
    """Every live office of this finder, alphabetically. Offices not yet
    translated into the visitor's language are listed from the default
    language, so nobody misses an office while its translation is a draft."""
    offices = cards.child_of(index_page).live()
    if fallback is not None:
        translated = Page.objects.filter(locale_id=index_page.locale_id, live=True).values("translation_key")
        offices = offices | cards.child_of(fallback).live().exclude(translation_key__in=translated)
    return offices.order_by("title")


def find_offices(request, index_page, offices):
    """The finder's answer for this request; ``offices`` are all office pages."""
    cards = office_cards(offices.all())
    result = FinderResult()
    try:
        result.query, result.place = _place_from(request.GET)
    except PlaceNotFound as problem:
        result.query = request.GET.get("near", "")[:200]
        result.error = str(problem.message)

    fallback = fallback_finder(index_page)
    if result.place is not None:
        found = nearest(index_page, cards, result.place.point, fallback=fallback)
    else:
        found = [(page, None) for page in every_office(index_page, cards, fallback)]
    result.offices = [
        OfficeResult(page=page, status=status_line(page), distance_miles=distance)
        for page, distance in found
    ]
    return result
