"""Approach and clinician pages make the same number of queries with 5 or 50 clinicians."""

import pytest

from tests.approaches.factories import ClinicianFactory
from tests.portal.factories import ImageFactory
from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db

PAGES = ["/approaches/", "/approaches/play-therapy/", "/clinicians/", "/clinicians/ana-example/",
         "/locations/aurora/"]


def add_clinicians(practice, count, start):
    offices = list(practice.offices.values())
    for number in range(start, start + count):
        ClinicianFactory(
            parent=practice.directory, title=f"Example Person {number}", slug=f"example-person-{number}",
            photo=ImageFactory(title=f"Portrait {number}"),
            offices=[offices[number % 5], offices[(number + 1) % 5]],
            approaches=[practice.play, practice.emdr], languages=["en", "es"], availability="yes",
        )


FILTERED = "/clinicians/?approach=play-therapy&availability=yes&near=60540"


def test_queries_do_not_grow_with_clinicians(client, practice):
    # One build for every page: fifty clinician pages with photos take a while.
    views = PAGES + [FILTERED]
    add_clinicians(practice, 2, start=1)  # five clinicians, with photos
    with_five = {view: queries_to_render(client, view) for view in views}

    add_clinicians(practice, 45, start=3)

    with_fifty = {view: queries_to_render(client, view) for view in views}
    assert with_fifty == with_five
    assert max(with_five.values()) <= 40, with_five
