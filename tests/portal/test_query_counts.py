"""Page views make a small, fixed number of database queries."""

import pytest

from tests.query_counting import queries_to_render

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/", "/es/", "/pl/o-nas/", "/privacy/"])
def test_public_pages_stay_within_their_query_budget(client, demo_site, path):
    assert queries_to_render(client, path) <= 15


def test_more_menu_and_footer_pages_do_not_mean_more_queries(client, demo_site):
    from portal.models import HomePage, StandardPage

    before = queries_to_render(client, "/")
    home = HomePage.objects.get(locale__language_code="en")
    for number in range(10):
        page = StandardPage(
            title=f"Notice {number}", slug=f"notice-{number}", show_in_menus=True, show_in_footer=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()

    assert queries_to_render(client, "/") == before
