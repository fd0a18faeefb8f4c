"""A picture of where the offices are: an SVG drawn here, served in the page.

Public pages load nothing from another host until the visitor asks, so the
office map starts as this picture, and map tiles load only after a click
(static/js/office-map.js). Without JavaScript the picture stays, next to the
address list and the directions links.

The picture is a simple equirectangular projection: a longitude degree is
drawn cos(latitude) as wide as a latitude degree. Offices are pins with
their names; behind them a street grid anchored to whole miles (the western
suburbs really are laid out on a mile grid) and a soft halo around each
office. An office page shows its office in the middle and the other offices
in reach faintly.

Positions are percentages of the picture's box and sizes are pixels, so the
picture fills a box of any width (a 320px phone to a desktop) with pins and
labels of a readable size, and the Leaflet map that may replace it fills the
same box. The box's shape changes a little with the screen (see
static/css/site.css, "The office map", 1.5 on a phone to 2.3 on a desktop); the
projection is made for NOMINAL_RATIO, so east-west distances look up to a
fifth shorter on a phone and longer on a desktop than north-south ones. Colours come from CSS
classes; the presentation attributes here are only a fallback.
"""

import math
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

MILE_IN_DEGREES = 1 / 69.0  # of latitude
NOMINAL_RATIO = 1.9  # width / height the projection is made for (a tablet's)
# Room around the offices, as fractions of the picture: pins rise above
# their point, names hang below it.
PADDING = {"left": 0.13, "right": 0.13, "top": 0.22, "bottom": 0.18}
# Offices closer together than this never fill the picture (degrees of latitude shown).
MIN_HEIGHT_DEGREES = 0.12
# An office page shows about this much around its office (degrees of latitude, about 14 miles).
SINGLE_OFFICE_HEIGHT_DEGREES = 0.2
# Where the one office of an office page stands (its pin rises above the point).
SINGLE_OFFICE_AT = (50.0, 58.0)
# More offices than this and the picture shows pins only: the list names them.
MAX_LABELS = 12
GRID_STEPS_MILES = (1, 2, 5, 10, 20, 50, 100, 200)
MIN_GRID_LINES = 6  # across the picture's height
MAJOR_EVERY = 3  # every third street is a wider road
# A pin 30px tall, its tip on the office's point.
PIN_PATH = "M0 0C-1.6-5.4-10-10.4-10-18.5a10 10 0 1 1 20 0C10-10.4 1.6-5.4 0 0Z"


@dataclass(frozen=True)
class Frame:
    """The part of the world the picture shows, in degrees of latitude
    (x: longitude already shrunk by cos(latitude))."""

    left: float
    top: float
    width: float
    height: float
    squash: float  # cos(latitude in the middle)

    def position(self, lat, lng):
        """(x, y) in percent of the picture."""
        x = (lng * self.squash - self.left) / self.width * 100
        y = (self.top - lat) / self.height * 100
        return x, y


def _squash(points):
    middle = (min(lat for lat, _ in points) + max(lat for lat, _ in points)) / 2
    return math.cos(math.radians(middle))


def frame_around(points, ratio=NOMINAL_RATIO):
    """A frame holding every (lat, lng) point with room around them."""
    squash = _squash(points)
    xs = [lng * squash for _, lng in points]
    ys = [lat for lat, _ in points]
    inner_w = ratio * (1 - PADDING["left"] - PADDING["right"])  # in picture heights
    inner_h = 1 - PADDING["top"] - PADDING["bottom"]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    # Picture heights per degree: as large as fits, but never closer than MIN_HEIGHT_DEGREES.
    scale = min(inner_w / span_x if span_x else math.inf, inner_h / span_y if span_y else math.inf,
                1 / MIN_HEIGHT_DEGREES)
    height = 1 / scale
    width = ratio * height
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    # The offices' centre sits in the middle of the room left by the padding.
    inner_centre_x = ratio * (PADDING["left"] + (1 - PADDING["left"] - PADDING["right"]) / 2)
    inner_centre_y = PADDING["top"] + inner_h / 2
    return Frame(left=centre_x - inner_centre_x * height, top=centre_y + inner_centre_y * height,
                 width=width, height=height, squash=squash)


def frame_centred_on(lat, lng, ratio=NOMINAL_RATIO):
    """A frame with the point at SINGLE_OFFICE_AT, showing the country around it."""
    squash = math.cos(math.radians(lat))
    height = SINGLE_OFFICE_HEIGHT_DEGREES
    width = ratio * height
    at_x, at_y = SINGLE_OFFICE_AT
    return Frame(left=lng * squash - width * at_x / 100, top=lat + height * at_y / 100,
                 width=width, height=height, squash=squash)


def _number(value):
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _grid(frame):
    """Streets every few miles, anchored to the world so every page agrees."""
    step_miles = next((step for step in GRID_STEPS_MILES
                       if frame.height / (step * MILE_IN_DEGREES) < MIN_GRID_LINES * 2),
                      GRID_STEPS_MILES[-1])
    step = step_miles * MILE_IN_DEGREES
    lines = {"street": [], "road": []}
    first = math.ceil((frame.top - frame.height) / step)
    for index in range(first, math.floor(frame.top / step) + 1):
        y = (frame.top - index * step) / frame.height * 100
        kind = "road" if index % MAJOR_EVERY == 0 else "street"
        lines[kind].append(("0", "100%", f"{_number(y)}%", f"{_number(y)}%"))
    first = math.ceil(frame.left / step)
    for index in range(first, math.floor((frame.left + frame.width) / step) + 1):
        x = (index * step - frame.left) / frame.width * 100
        kind = "road" if index % MAJOR_EVERY == 0 else "street"
        lines[kind].append((f"{_number(x)}%", f"{_number(x)}%", "0", "100%"))
    return format_html_join(
        "", '<g class="office-map__{}s" stroke="currentColor" stroke-opacity="0.12">{}</g>',
        ((kind, format_html_join("", '<line x1="{}" x2="{}" y1="{}" y2="{}"/>', coords))
         for kind, coords in lines.items() if coords),
    )


def _label_anchor(x):
    """Names near the edges run inwards, so they stay in the picture."""
    if x < 18:
        return "start", -8
    if x > 82:
        return "end", 8
    return "middle", 0


def _label(name, x, y_offset):
    anchor, x_offset = _label_anchor(x)
    return format_html('<text class="office-map__label" x="{}" y="{}" text-anchor="{}" fill="currentColor">{}</text>',
                       x_offset, y_offset, anchor, name)


def _place(x, y, content, css_class):
    """``content`` drawn around (x%, y%): a nested svg is the only way to mix
    percentages (where) and pixels (how big) without a viewBox."""
    return format_html('<svg class="{}" x="{}%" y="{}%" width="1" height="1" overflow="visible">{}</svg>',
                       css_class, _number(x), _number(y), content)


def _visible(x, y):
    return 3 <= x <= 97 and 5 <= y <= 95


def office_map_svg(markers, *, label, nearby=()):
    """The picture as safe HTML: an inline <svg role="img"> labelled ``label``.

    ``markers`` are the map's offices ({"name", "lat", "lng", ...}); one
    marker is shown in the middle, with ``nearby`` offices (same keys) faint
    around it. No <style> element and no style attributes: the page's
    Content-Security-Policy allows neither."""
    points = [(marker["lat"], marker["lng"]) for marker in markers]
    if not points:
        return ""
    single = len(points) == 1
    frame = frame_centred_on(*points[0]) if single else frame_around(points)
    with_labels = len(points) <= MAX_LABELS

    halos, faint, pins = [], [], []
    if single:
        for office in nearby:
            x, y = frame.position(office["lat"], office["lng"])
            if _visible(x, y):
                halos.append(format_html('<circle cx="{}%" cy="{}%" r="30"/>', _number(x), _number(y)))
                # Near the bottom edge the name goes above the point.
                faint.append(_place(x, y, format_html(
                    '<circle r="5" fill="currentColor"/>{}', _label(office["name"], x, -11 if y > 82 else 20)),
                    "office-map__nearby"))
    for marker in markers:
        x, y = frame.position(marker["lat"], marker["lng"])
        halos.append(format_html('<circle cx="{}%" cy="{}%" r="{}"/>', _number(x), _number(y), 48 if single else 40))
        pins.append(_place(x, y, format_html(
            '<path class="office-map__pin" d="{}" fill="currentColor"/>'
            '<circle class="office-map__pin-dot" cx="0" cy="-18.5" r="4" fill="none"/>{}',
            PIN_PATH, _label(marker["name"], x, 20) if with_labels else ""),
            "office-map__office office-map__office--main" if single else "office-map__office"))

    return format_html(
        '<svg class="office-map__picture{}" xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"'
        ' role="img" aria-label="{}" focusable="false">'
        '<rect class="office-map__land" width="100%" height="100%" fill="none"/>'
        '{}<g class="office-map__halos" fill="currentColor" fill-opacity="0.06">{}</g>{}{}</svg>',
        " office-map__picture--single" if single else "", label,
        _grid(frame), mark_safe("".join(halos)), mark_safe("".join(faint)), mark_safe("".join(pins)),
    )
