"""The finder and office pages make the same number of queries with 5 or 50 offices."""

import pytest
from bs4 import BeautifulSoup

from tests.locations.factories import make_offices
from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db


def offices_shown(client, path, params):
    """Offices in the finder's list, or to choose from in an office page's appointment form."""
    soup = BeautifulSoup(client.get(path, params).content, "html.parser")
    return len(soup.select(".office-list .office-card, select[name=office] optgroup option"))


@pytest.mark.parametrize(
    "path, params, shown_of_five, shown_of_fifty",
    [
        ("/locations/", None, 5, 50),
        ("/locations/", {"near": "60544"}, 5, 10),
        # The 45 new offices have no Spanish page yet: they are listed from English.
        ("/es/locations/", {"lat": "41.76", "lng": "-88.32"}, 5, 10),
        ("/locations/naperville/", None, 5, 50),
    ],
)
def test_query_count_does_not_grow_with_offices(client, translated_offices, finder, path, params,
                                                shown_of_five, shown_of_fifty):
    with_five = queries_to_render(client, path, params)
    assert offices_shown(client, path, params) == shown_of_five

    make_offices(45, finder)

    assert offices_shown(client, path, params) == shown_of_fifty
    # With few offices the finder may widen its search once; never more.
    assert queries_to_render(client, path, params) <= with_five
    assert with_five <= 25  # an office page's map picture reads its neighbours' places: one query
