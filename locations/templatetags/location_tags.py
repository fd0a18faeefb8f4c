import json

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale

from locations.models import LocationIndexPage

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
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}


@register.simple_tag(takes_context=True)
def office_finder_url(context):
    """The office finder in the visitor's language (else the default language's)."""
    finders = LocationIndexPage.objects.live().public()
    page = finders.filter(locale=Locale.get_active()).first() or finders.first()
    return page.get_url(context["request"]) if page else ""
