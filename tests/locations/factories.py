"""Factories for office pages, for tests that need more offices than the demo."""

import datetime
import itertools
from decimal import Decimal

from locations.models import LocationIndexPage, LocationPage, OpeningHours

_numbers = itertools.count(1)


def make_offices(count, *, locale_code="en", start_lat=41.0, start_lng=-89.0):
    """Add ``count`` live offices with hours under the finder of ``locale_code``."""
    index = LocationIndexPage.objects.get(locale__language_code=locale_code)
    offices = []
    for _ in range(count):
        number = next(_numbers)
        office = LocationPage(
            title=f"Test office {number}",
            slug=f"test-office-{number}",
            street_address=f"{number} Test Road",
            city="Testville",
            zip_code="60540",
            phone="630-555-0100",
            latitude=Decimal(f"{start_lat + (number % 40) * 0.05:.6f}"),
            longitude=Decimal(f"{start_lng + (number // 40) * 0.05:.6f}"),
        )
        office.opening_hours = [
            OpeningHours(weekday=day, opens=datetime.time(9), closes=datetime.time(17)) for day in range(5)
        ]
        index.add_child(instance=office)
        office.save_revision().publish()
        offices.append(office)
    return offices
