from django import template
from django.conf import settings
from wagtail.models import Page

from translations.updates import pending_update_for

register = template.Library()


@register.inclusion_tag("translations/includes/translation_note.html")
def translation_note(page):
    """On an out-of-date translation: which English version it follows,
    with a link to the current English page."""
    update = pending_update_for(page) if isinstance(page, Page) else None
    if update is None or update.translated_from is None:
        return {"update": None}
    english = page.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).live().first()
    return {"update": update, "english": english}
