"""Alt text in the visitor's language.

An image's own description is its English alt text. Translated
descriptions (``ImageDescription``) are looked up from a per-language map
kept in the cache, so a page's images cost no query; saving or deleting a
description forgets the map (connected in signal_handlers.py).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language
from wagtail.models import Locale

from portal.models import ImageDescription


def _cache_key(language_code):
    return f"portal:alt-text:{language_code}"


def descriptions_in(language_code):
    """{image id: alt text} of every description in ``language_code``."""
    descriptions = cache.get(_cache_key(language_code))
    if descriptions is None:
        descriptions = dict(
            ImageDescription.objects.filter(locale__language_code=language_code).values_list("image_id", "alt_text")
        )
        cache.set(_cache_key(language_code), descriptions, None)
    return descriptions


def forget(language_code):
    cache.delete(_cache_key(language_code))


def localized_alt_text(image):
    """The image's description in the active language, else its own."""
    language = get_language() or settings.LANGUAGE_CODE
    if image.is_decorative or language == settings.LANGUAGE_CODE:
        return image.default_alt_text
    return descriptions_in(language).get(image.pk) or image.default_alt_text


def keep_english_description(image):
    """Make the English ``ImageDescription`` match the image's description:
    created, changed or removed (decorative, or no description)."""
    english = ImageDescription.objects.filter(image=image, locale__language_code=settings.LANGUAGE_CODE).first()
    text = image.default_alt_text
    with transaction.atomic():
        if not text:
            if english is not None:
                # Its translations describe nothing any more either.
                ImageDescription.objects.filter(translation_key=english.translation_key).delete()
            return
        if english is None:
            ImageDescription.objects.create(
                image=image, alt_text=text, locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE)
            )
        elif english.alt_text != text:
            english.alt_text = text
            english.save()
