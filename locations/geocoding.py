"""Offline geocoding: ZIP codes and Illinois city names to coordinates.

The data ships inside the ``zipcodes`` package (coordinates from GeoNames,
CC BY 4.0; the finder page shows the attribution). It is read once per
process into two dictionaries, so a lookup is a dictionary access. Nothing
the visitor types leaves the site.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import zipcodes
from django.utils.translation import gettext_lazy as _

MAX_QUERY_LENGTH = 80
ZIP_PATTERN = re.compile(r"^(\d{5})(?:-\d{4})?$", re.ASCII)
STATE_SUFFIX = re.compile(r"(?:,\s*|\s+)(?:il|ill|illinois)$")
COORDINATE_PLACES = Decimal("0.000001")


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float

    def rounded(self):
        return (
            Decimal(str(self.latitude)).quantize(COORDINATE_PLACES),
            Decimal(str(self.longitude)).quantize(COORDINATE_PLACES),
        )


@dataclass(frozen=True)
class Place:
    point: Point
    label: str  # what the visitor sees: "60544 (Plainfield, IL)" or "Plainfield, IL"


class PlaceNotFound(Exception):
    """The visitor's input could not be turned into a place; ``message`` says why."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def normalise_city(text):
    """'  Naperville, IL ' and 'naperville illinois' both become 'naperville'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w\s,.'-]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.")
    text = STATE_SUFFIX.sub("", text).strip(" ,.")
    return text.replace("saint ", "st ").replace("st. ", "st ")


@functools.cache
def _gazetteer():
    zip_index = {}
    city_points = {}
    for row in zipcodes.list_all():
        if not row["lat"] or not row["long"]:
            continue
        point = Point(float(row["lat"]), float(row["long"]))
        zip_index[row["zip_code"]] = (point, row["city"], row["state"])
        # A city's centre: the mean of its ordinary (street-delivery) ZIP codes.
        if row["state"] == "IL" and row["zip_code_type"] == "STANDARD":
            city_points.setdefault(normalise_city(row["city"]), (row["city"], []))[1].append(point)
    city_index = {
        key: (
            Point(
                sum(p.latitude for p in points) / len(points),
                sum(p.longitude for p in points) / len(points),
            ),
            name,
        )
        for key, (name, points) in city_points.items()
    }
    return zip_index, city_index


def zip_centroid(zip_code):
    entry = _gazetteer()[0].get(zip_code)
    return entry[0] if entry else None


def locate(text):
    """Turn what a visitor typed into a Place, or raise PlaceNotFound."""
    # Any script's digits (６０５４４, ٦٠٥٤٤) count as the ASCII digits they are.
    text = "".join(
        str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text if ch.isprintable()
    ).strip()
    if len(text) > MAX_QUERY_LENGTH:
        raise PlaceNotFound(
            _("That is too long for a ZIP code or a city name. Try a five-digit ZIP code, such as 60540.")
        )
    zip_index, city_index = _gazetteer()
    match = ZIP_PATTERN.match(text)
    if match:
        entry = zip_index.get(match.group(1))
        if entry is None:
            raise PlaceNotFound(
                _("We do not know the ZIP code %(zip)s. Check it, or type a city name instead.")
                % {"zip": match.group(1)}
            )
        point, city, state = entry
        return Place(point, f"{match.group(1)} ({city}, {state})")
    if any(ch.isdigit() for ch in text):
        raise PlaceNotFound(
            _("That does not look like a US ZIP code. Type five digits, such as 60540, or a city name.")
        )
    entry = city_index.get(normalise_city(text))
    if entry is None:
        raise PlaceNotFound(
            _("We could not find a city called “%(place)s” in Illinois. Try a ZIP code instead.")
            % {"place": text}
        )
    point, name = entry
    return Place(point, f"{name}, IL")


def parse_coordinates(latitude, longitude):
    """Coordinates from the browser's geolocation, validated; or PlaceNotFound."""
    unusable = PlaceNotFound(
        _("We could not use your location. Type a ZIP code or a city name instead.")
    )
    try:
        lat, lng = float(latitude), float(longitude)
    except (TypeError, ValueError, OverflowError):
        raise unusable from None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):  # also rejects NaN
        raise unusable
    return Place(Point(lat, lng), "")
