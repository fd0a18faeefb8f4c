"""The responsive image sizes every template uses, and making them ahead of visitors.

Templates never spell out filter specs: they name one of IMAGE_SIZES with
``{% responsive_image image "card" %}`` (portal/templatetags/image_tags.py).
Because the sizes live here, ``make_renditions`` can create exactly those
renditions when a page is published or an image replaced (portal/tasks.py),
so the first visitor never waits for AVIF encoding.
"""

from dataclasses import dataclass

from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.images.models import Filter
from wagtail.models import Page

from portal.models import CustomImage

FORMATS = ("avif", "webp", "jpeg")  # browsers take the first they support; JPEG is the fallback


@dataclass(frozen=True)
class ImageSize:
    resize: str  # a Wagtail resize operation with its variants, e.g. "fill-{400x225,800x450}"
    sizes: str  # the <img sizes> that matches the layout where this size is used

    def filter_specs(self):
        return [f"{resize}|format-{fmt}" for fmt in FORMATS for resize in Filter.expand_spec(self.resize)]


IMAGE_SIZES = {
    # Full-width top of an article: the main column is at most 48rem.
    "hero": ImageSize("fill-{480x270,800x450,1200x675,1600x900}", "(max-width: 50rem) 100vw, 48rem"),
    # Cards in a grid: one column on phones, up to three on wide screens.
    "card": ImageSize("fill-{400x225,800x450}", "(max-width: 40rem) 100vw, (max-width: 64rem) 50vw, 22rem"),
    # Images inside a page's body text.
    "body": ImageSize("width-{400,800,1200}", "(max-width: 50rem) 100vw, 48rem"),
    # The home page's picture beside its heading (stacked above it on phones).
    "feature": ImageSize("fill-{480x360,800x600,1200x900}", "(max-width: 48rem) 100vw, 28rem"),
    # Clinicians' portraits on their page and on cards.
    "portrait": ImageSize("fill-{240x240,480x480}", "15rem"),
}
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg"  # Open Graph wants one JPEG


def filter_specs_for(size_names):
    specs = []
    for name in size_names:
        specs += IMAGE_SIZES[name].filter_specs()
    return specs


# Which sizes an image gets, by where a page uses it. Page models may add
# their own fields with ``image_sizes = {"field": ("size", ...)}``.
DEFAULT_FIELD_SIZES = {"listing_image": ("card",), "social_image": ()}
STREAM_IMAGE_SIZES = ("body",)


def images_on_page(page):
    """{image id: set of size names} for every image the page shows: its
    image fields and every image inside its StreamFields."""
    field_sizes = {**DEFAULT_FIELD_SIZES, **getattr(page, "image_sizes", {})}
    found = {}
    for field_name, size_names in field_sizes.items():
        image_id = getattr(page, f"{field_name}_id", None)
        if image_id:
            found.setdefault(image_id, set()).update(size_names)
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for image_id in _stream_image_ids(getattr(page, field.name)):
                found.setdefault(image_id, set()).update(STREAM_IMAGE_SIZES)
    return found


def _stream_image_ids(value):
    """Image ids anywhere in a StreamValue, read from its raw data (no
    queries): stream children of type "image" and struct fields named
    "image", whether a chooser (an id) or an ImageBlock ({"image": id})."""
    raw = value.raw_data if isinstance(value, StreamValue) else value
    ids = set()

    def take(candidate):
        if isinstance(candidate, int) and not isinstance(candidate, bool):
            ids.add(candidate)

    def walk(node):
        if isinstance(node, dict):
            if node.get("type") == "image":
                take(node.get("value"))
            for key, child in node.items():
                if key == "image":
                    take(child)
                walk(child)
        elif isinstance(node, (list, tuple)):
            for child in node:
                walk(child)

    walk(list(raw or []))
    return ids


def make_renditions_for_page(page_id):
    """Create every rendition the page's live version shows. Returns how many
    images it went through."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    page = page.specific
    wanted = images_on_page(page)
    social_image = page.get_social_image() if hasattr(page, "get_social_image") else None
    if social_image is not None:
        wanted.setdefault(social_image.pk, set())
    for image in CustomImage.objects.filter(pk__in=wanted).prefetch_renditions():
        specs = filter_specs_for(sorted(wanted[image.pk]))
        if social_image is not None and image.pk == social_image.pk:
            specs.append(SOCIAL_IMAGE_SPEC)
        image.get_renditions(*specs)
    return len(wanted)


def make_renditions_for_image(image_id, size_names=tuple(IMAGE_SIZES)):
    """After an image's file is replaced: recreate its renditions in every size."""
    image = CustomImage.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    image.get_renditions(*filter_specs_for(size_names), SOCIAL_IMAGE_SPEC)
    return 1
