"""Count the database queries a page view makes."""

from django.db import connection
from django.test import override_settings


@override_settings(FRAGMENT_CACHE_ENABLED=True)
def queries_to_render(client, path, params=None):
    """Queries for one GET of ``path``, after a first GET warms per-process
    caches and the shared fragments (menus, crisis notice), as in production.
    The page cache stays off: this counts what rendering the page costs."""
    client.get(path, params)
    count = 0

    def counter(execute, sql, sql_params, many, context):
        nonlocal count
        count += 1
        return execute(sql, sql_params, many, context)

    with connection.execute_wrapper(counter):
        response = client.get(path, params)
    assert response.status_code == 200, path
    return count
