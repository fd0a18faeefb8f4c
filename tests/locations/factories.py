"""Factories for office pages, for tests that need more offices than the demo."""

import datetime
import itertools
from decimal import Decimal

from locations.models import LocationIndexPage, LocationPage, OpeningHours

_numbers = itertools.count(1)


def make_offices(count, *, locale_code="en", start_lat=41.0, start_lng=-89.0, coordinates=None):
    """Add ``count`` live offices with hours under the finder of ``locale_code``,
    on a grid from (start_lat, start_lng) or at the given ``coordinates``."""
    index = LocationIndexPage.objects.get(locale__language_code=locale_code)
    offices = []
    for position in range(count):
        number = next(_numbers)
        if coordinates:
            lat, lng = coordinates[position]
        else:
            lat, lng = start_lat + (number % 40) * 0.05, start_lng + (number // 40) * 0.05
        office = LocationPage(
            title=f"Test office {number}",
            slug=f"test-office-{number}",
            street_address=f"{number} Test Road",
            city="Testville",
            zip_code="60540",
            phone="630-555-0100",
            latitude=Decimal(f"{lat:.6f}"),
            longitude=Decimal(f"{lng:.6f}"),
        )
        office.opening_hours = [
            OpeningHours(weekday=day, opens=datetime.time(9), closes=datetime.time(17)) for day in range(5)
        ]
        index.add_child(instance=office)
        office.save_revision().publish()
        offices.append(office)
    return offices
