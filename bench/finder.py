"""Benchmark: the office finder's search with 10,000 offices.

    .venv/bin/python bench/finder.py [--offices 10000] [--queries 300]

Starts a throwaway PostgreSQL (as the tests do), loads the demo, adds
offices spread over the continental US until there are 10,000, then times
the finder's search against a primary-key lookup of one office, both measured
in this run, and prints medians, p99s and their ratios.

The search is ``locations.finder.nearest`` as the finder page calls it: the
bounding-box shortlist in the database, exact distances in Python and the
ten nearest offices loaded for their cards. Rendering the page adds a fixed
number of queries whatever the number of offices (tests/locations/
test_query_counts.py checks that), so it is not part of this figure.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"


def timed(function, repeat):
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def add_offices(index, count, rng):
    """Insert offices in bulk: Wagtail's add_child would take many minutes."""
    from decimal import Decimal

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    from locations.models import LocationPage

    content_type = ContentType.objects.get_for_model(LocationPage)
    first = index.numchild + 1
    pages, details = [], []
    for number in range(first, first + count):
        slug = f"bench-office-{number}"
        pages.append(Page(
            title=f"Bench office {number}", draft_title=f"Bench office {number}", slug=slug,
            content_type=content_type, locale_id=index.locale_id, live=True,
            depth=index.depth + 1, path=LocationPage._get_path(index.path, index.depth + 1, number),
            url_path=f"{index.url_path}{slug}/", translation_key=uuid.uuid4(),
        ))
        details.append(LocationPage(
            street_address=f"{number} Bench Road", city="Benchville", state="IL", zip_code="60540",
            phone="630-555-0100",
            latitude=Decimal(f"{rng.uniform(25.0, 49.0):.6f}"),
            longitude=Decimal(f"{rng.uniform(-124.0, -67.0):.6f}"),
        ))
    fields = [f for f in LocationPage._meta.local_concrete_fields if f.name != "page_ptr"]
    columns = ", ".join(["page_ptr_id"] + [connection.ops.quote_name(f.column) for f in fields])
    placeholders = ", ".join(["%s"] * (len(fields) + 1))
    with transaction.atomic():
        created = Page.objects.bulk_create(pages, batch_size=1000)
        rows = [
            [page.pk] + [f.get_db_prep_save(f.pre_save(detail, True), connection) for f in fields]
            for page, detail in zip(created, details)
        ]
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {LocationPage._meta.db_table} ({columns}) VALUES ({placeholders})", rows
            )
        Page.objects.filter(pk=index.pk).update(numchild=index.numchild + count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offices", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()

    from tests.harness.postgres import PostgresServer

    server = PostgresServer().start()
    try:
        import django
        from django.conf import settings

        settings.DATABASES["default"].update(server.database_settings(name="postgres"))
        django.setup()
        from django.core.management import call_command

        print("migrating and loading the demo…", flush=True)
        call_command("migrate", verbosity=0)
        call_command("load_demo", stdout=open(os.devnull, "w"))

        from locations.finder import CARD_FIELDS, nearest
        from locations.geocoding import Point, locate
        from locations.models import LocationIndexPage, LocationPage

        index = LocationIndexPage.objects.get(locale__language_code="en")
        rng = random.Random(2026)
        existing = LocationPage.objects.child_of(index).count()
        print(f"adding {args.offices - existing} offices…", flush=True)
        add_offices(index, args.offices - existing, rng)
        offices = LocationPage.objects.child_of(index).live()
        # As the finder loads the nearest ten (hours are prefetched when the
        # page renders them; that cost does not depend on the office count).
        cards = LocationPage.objects.only(*CARD_FIELDS)
        pks = list(offices.values_list("pk", flat=True))
        total = len(pks)

        # Visitors search from where people (and so offices) are: the five
        # demo ZIP codes and points a few miles from random offices.
        origins = [locate(z).point for z in ("60544", "60540", "60505", "60543", "60440")]
        sample = offices.order_by("?").values_list("latitude", "longitude")[:95]
        origins += [Point(float(lat) + rng.uniform(-0.1, 0.1), float(lng) + rng.uniform(-0.1, 0.1))
                    for lat, lng in sample]

        def finder_search():
            nearest(index, cards, rng.choice(origins))

        def primary_key_lookup():
            LocationPage.objects.get(pk=rng.choice(pks))

        # Warm up caches and connections before measuring either.
        timed(finder_search, 30)
        timed(primary_key_lookup, 30)
        finder_median, finder_p99 = timed(finder_search, args.queries)
        pk_median, pk_p99 = timed(primary_key_lookup, args.queries)

        print(f"offices: {total}, queries each: {args.queries}")
        print(f"primary-key lookup   median {pk_median:7.3f} ms   p99 {pk_p99:7.3f} ms   (baseline)")
        print(f"finder search        median {finder_median:7.3f} ms   p99 {finder_p99:7.3f} ms")
        print(f"ratio finder / primary-key lookup: median {finder_median / pk_median:.2f}x, "
              f"p99 {finder_p99 / pk_p99:.2f}x (target: within 3x)")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
