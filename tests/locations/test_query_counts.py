"""The finder and office pages make the same number of queries with 5 or 50 offices."""

import pytest
from tests.locations.factories import make_offices
from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, params",
    [
        ("/locations/", None),
        ("/locations/", {"near": "60544"}),
        ("/es/locations/", {"lat": "41.76", "lng": "-88.32"}),
        ("/locations/naperville/", None),
    ],
)
def test_query_count_does_not_grow_with_offices(client, demo_site, path, params):
    with_five = queries_to_render(client, path, params)

    make_offices(45)

    # With few offices the finder may widen its search once; never more.
    assert queries_to_render(client, path, params) <= with_five
    assert with_five <= 24
