"""Factories for the office finder and office pages.

``OfficeFactory(parent=finder, title="Naperville", zip_code="60540")``
makes a live office with weekday hours whose coordinates come from its ZIP
code's centre, as a new office made in the admin gets them.
``OfficeFactory.build(hours=[...])`` makes one in memory only, as the admin's
preview sees it.
"""

import datetime
import itertools
from decimal import Decimal

import factory
from wagtail_localize.models import Translation, TranslationSource

from locations.models import Closure, LocationIndexPage, LocationPage, OpeningHours
from tests.portal.factories import PageFactory, locale

# The demo's towns, for tests that need offices where they really are.
TOWNS = {
    "Naperville": "60540",
    "Plainfield": "60544",
    "Aurora": "60505",
    "Oswego": "60543",
    "Bolingbrook": "60440",
}
WEEKDAY_HOURS = [(day, datetime.time(9), datetime.time(17)) for day in range(5)]


class FinderFactory(PageFactory):
    class Meta:
        model = LocationIndexPage

    title = "Our offices"
    slug = "locations"
    intro = "Type your ZIP code or town to see the closest office."
    show_in_menus = True


class OfficeFactory(PageFactory):
    """A live office with Monday-to-Friday 9-to-5 hours (``hours=[(weekday,
    opens, closes)]`` to change, None for "by appointment"; ``closures=[(date,
    note)]`` to add closures; ``live=False`` for a draft)."""

    class Meta:
        model = LocationPage

    title = factory.Sequence(lambda number: f"Office {number}")
    street_address = factory.Sequence(lambda number: f"{number} Example Street")
    city = factory.LazyAttribute(lambda office: office.title)
    state = "IL"
    zip_code = factory.LazyAttribute(lambda office: TOWNS.get(office.title, "60540"))
    phone = "630-791-0444"
    intake_email = factory.LazyAttribute(lambda office: f"intake-{office.slug}@example.org")
    description = "Rooms for individual, couple and family sessions."
    parking_notes = "Free parking beside the building."
    languages_spoken = "English, Spanish"

    @classmethod
    def _build(cls, model_class, *args, hours=WEEKDAY_HOURS, closures=(), parent=None, **kwargs):
        office = super()._build(model_class, *args, parent=parent, **kwargs)
        office.opening_hours = [
            OpeningHours(weekday=day, opens=opens, closes=closes, by_appointment=opens is None)
            for day, opens, closes in hours
        ]
        office.closures = [Closure(date=day, note=note, locale=office.locale) for day, note in closures]
        return office


_grid = itertools.count(1)


def make_offices(count, finder, *, start_lat=41.0, start_lng=-89.0, coordinates=None):
    """``count`` more live offices under ``finder``, on a grid from
    (start_lat, start_lng) or at the given ``coordinates``."""
    offices = []
    for position in range(count):
        number = next(_grid)
        if coordinates:
            lat, lng = coordinates[position]
        else:
            lat, lng = start_lat + (number % 40) * 0.05, start_lng + (number // 40) * 0.05
        offices.append(OfficeFactory(
            parent=finder, title=f"Test office {number}", slug=f"test-office-{number}", city="Testville",
            latitude=Decimal(f"{lat:.6f}"), longitude=Decimal(f"{lng:.6f}"),
        ))
    return offices


def translate_in_editor(page, language_code, phrases=None):
    """``page`` translated the way translators do it, in wagtail-localize's
    editor: a synced translation whose facts follow the source page, with
    ``phrases`` ({English text: translation}) filled in and the rest left in
    English, published. Its parent page must be translated already."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale(language_code), defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = (phrases or {}).get(entry.msgid, "")
    translation.import_po(po)
    # save_target(publish=True) would publish only once the transaction
    # commits, which a test's transaction never does: publish here instead.
    translation.save_target(publish=False)
    translated = page.get_translation(translation.target_locale)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated.specific
