"""/healthz/: does each part the site needs answer right now?

200 with {"status": "ok", ...} when the database, the cache and the Celery
broker answer; 503 naming what failed otherwise. Load balancers and the
docker-compose health check poll it, so every check is short and bounded.

Apps above this layer add their own checks with ``register()`` (the
locations app reports how long inquiry e-mails have been waiting).
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal.celery import app as celery_app

logger = logging.getLogger(__name__)

BROKER_TIMEOUT_SECONDS = 2


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)


def check_broker():
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=BROKER_TIMEOUT_SECONDS)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


class Unhealthy(Exception):
    """Raised by a check that ran fine but found something wrong; carries details."""

    def __init__(self, details):
        super().__init__("unhealthy")
        self.details = details


def register(name, check):
    """Add a check. It may return a dict of figures to report, and raises
    (``Unhealthy`` with figures, or any error) when the site is not healthy."""
    CHECKS[name] = check


@never_cache
@require_GET
def healthz(request):
    results = {}
    details = {}
    for name, check in CHECKS.items():
        try:
            details.update(check() or {})
        except Unhealthy as problem:
            logger.warning("health check %s failed", name)
            details.update(problem.details)
            results[name] = "failing"
        except Exception as exc:  # any failure of a dependency means "not healthy"
            logger.warning("health check %s failed: %s", name, type(exc).__name__)
            results[name] = "failing"
        else:
            results[name] = "ok"
    failing = [name for name, result in results.items() if result != "ok"]
    body = {"status": "ok" if not failing else "unavailable", "checks": results, **details}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
