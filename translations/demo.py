"""Leave one page out of date in the demo, so the translators' queue has
something in it: marketing adds a paragraph to the English "About us" page
after its Spanish and Polish translations were published."""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.rich_text import RichText

from portal.models import StandardPage
from translations.models import PendingUpdate

ORDER = 90  # after every app's pages and their translations

NEW_PARAGRAPH = (
    "Not sure which office or therapist suits you? Our intake team can talk it through with you "
    "before you book."
)


def load(progress):
    with transaction.atomic():
        about = StandardPage.objects.get(locale__language_code="en", slug="about")
        if PendingUpdate.objects.filter(source__object_id=about.translation_key).exists():
            progress("'About us' is already out of date in Spanish and Polish")
            return 0, []
        marketing = get_user_model().objects.get(username="marketing")
        about.body.append(("paragraph", RichText(f"<p>{NEW_PARAGRAPH}</p>")))
        about.save_revision(user=marketing).publish(user=marketing)
        waiting = PendingUpdate.objects.filter(source__object_id=about.translation_key).count()
        progress(f"'About us' changed in English after translation: {waiting} translations out of date")
    return 1, []
