"""Page views make a small, fixed number of database queries."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def queries_to_render(client, path):
    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        response = client.get(path)
    assert response.status_code == 200, path
    return count


@pytest.mark.parametrize("path", ["/", "/es/", "/pl/o-nas/", "/privacy/"])
def test_public_pages_stay_within_their_query_budget(client, demo_site, path):
    client.get(path)  # warm per-process caches (content types, site root paths)

    assert queries_to_render(client, path) <= 15


def test_more_menu_and_footer_pages_do_not_mean_more_queries(client, demo_site):
    from portal.models import HomePage, StandardPage

    client.get("/")
    before = queries_to_render(client, "/")
    home = HomePage.objects.get(locale__language_code="en")
    for number in range(10):
        page = StandardPage(
            title=f"Notice {number}", slug=f"notice-{number}", show_in_menus=True, show_in_footer=True
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    client.get("/")

    assert queries_to_render(client, "/") == before
