import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.safestring import mark_safe

from locations.finder import every_office, fallback_finder, office_cards
from locations.hours import status_line
from locations.models import LocationIndexPage, LocationPage
from locations.static_map import office_map_svg
from portal import fragment_cache

register = template.Library()

# The same escapes Django's json_script uses, so data cannot close the tag.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """<script type="application/ld+json"> with safely escaped JSON."""
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag
def map_tiles():
    """The tile server: its URL template, credit line and a name for visitors."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION,
            "provider": tile_provider(settings.MAP_TILE_URL)}


def tile_provider(url):
    """Who serves the tiles, as the "Show the map" button names it."""
    host = urlsplit(url).hostname or ""
    if host == "openstreetmap.org" or host.endswith(".openstreetmap.org"):
        return "OpenStreetMap"
    return host.removeprefix("{s}.")


@register.simple_tag(takes_context=True)
def office_map_picture(context, markers, label):
    """The office map's picture (locations/static_map.py). On an office
    page, the office's live neighbours in its finder are shown faintly
    around it (one query)."""
    page = context.get("page")
    nearby = []
    if len(markers) == 1 and isinstance(page, LocationPage) and page.pk and page.path:
        neighbours = (
            LocationPage.objects.sibling_of(page, inclusive=False).live()
            .filter(latitude__isnull=False, longitude__isnull=False)
            .values_list("title", "latitude", "longitude")
        )
        nearby = [{"name": title, "lat": float(lat), "lng": float(lng)} for title, lat, lng in neighbours]
    return office_map_svg(markers, label=label, nearby=nearby)


@register.simple_tag(takes_context=True)
def office_finder_url(context):
    """The office finder in the visitor's language (else the default language's)."""
    request = context["request"]

    def find():
        finders = LocationIndexPage.objects.live().public()
        page = finders.filter(locale__language_code=get_language()).first() or finders.first()
        return page.get_url(request) if page else ""

    return fragment_cache.remember(request, "office-finder-url", find)


@register.simple_tag(takes_context=True)
def office_list(context):
    """Every live office in the page's language (untranslated ones in the
    default language), each with today's status line: the home page's section."""
    index = LocationIndexPage.objects.live().filter(locale_id=context["page"].locale_id).first()
    if index is None:
        return {"offices": [], "index_url": ""}
    offices = every_office(index, office_cards(LocationPage.objects.all()), fallback_finder(index))
    return {
        "offices": [{"page": office, "status": status_line(office)} for office in offices],
        "index_url": index.get_url(context["request"]),
    }
