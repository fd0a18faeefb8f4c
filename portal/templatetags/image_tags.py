"""``{% responsive_image image "card" %}``: a <picture> in AVIF, WebP and JPEG
at the widths of one of portal.renditions.IMAGE_SIZES, with width, height and
the matching ``sizes``. Lazy by default; ``priority=True`` for the one image at
the top of a page (loaded eagerly with fetchpriority="high")."""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from portal.alt_text import localized_alt_text
from portal.renditions import IMAGE_SIZES

register = template.Library()


def alt_text(image, alt=None):
    """The block's choice first (decorative, or alt text for this use), then
    the image's description in the visitor's language."""
    if getattr(image, "decorative", False):
        return ""
    if alt is not None:
        return alt
    return getattr(image, "contextual_alt_text", None) or localized_alt_text(image)


def distinct_widths(renditions):
    """Wagtail does not upscale: for a small original several sizes come out
    the same width, and a srcset must not list a width twice."""
    kept, seen = {}, set()
    for spec, rendition in renditions.items():
        key = (spec.rsplit("format-", 1)[-1], rendition.width)
        if key not in seen:
            seen.add(key)
            kept[spec] = rendition
    return kept


@register.simple_tag
def responsive_image(image, size, alt=None, priority=False, css_class=""):
    if not image:
        return ""
    image_size = IMAGE_SIZES[size]
    renditions = distinct_widths(get_renditions_or_not_found(image, image_size.filter_specs()))
    attrs = {"sizes": image_size.sizes, "alt": alt_text(image, alt), "decoding": "async"}
    if priority:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    if css_class:
        attrs["class"] = css_class
    return Picture(renditions, attrs).__html__()
