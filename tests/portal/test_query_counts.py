"""Page views make a small, fixed number of database queries."""

import pytest

from tests.portal.factories import StandardPageFactory
from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/es/", "/pl/o-nas/", "/privacy/"])
def test_public_pages_stay_within_their_query_budget(client, site_pages, crisis_notices, path):
    assert queries_to_render(client, path) <= 15


def test_more_menu_and_footer_pages_do_not_mean_more_queries(client, home):
    StandardPageFactory(parent=home, title="About us", slug="about", show_in_menus=True)
    StandardPageFactory(parent=home, title="Privacy notice", slug="privacy", show_in_footer=True)
    before = queries_to_render(client, "/")

    for number in range(10):
        StandardPageFactory(parent=home, title=f"Notice {number}", show_in_menus=True, show_in_footer=True)

    html = client.get("/").content.decode()
    assert html.count('href="/notice-') == 20  # each in the menu and in the footer
    assert queries_to_render(client, "/") == before
