"""/healthz/: does each part the site needs answer right now?

Anyone gets the status only: 200 {"status": "ok"} or 503 {"status":
"unavailable"}. The details (each check, and figures such as how long an
office notice has waited) go only to addresses in HEALTHZ_ALLOWED_IPS
(default: this machine) and to signed-in staff (past the two-factor step
where the admin asks for it), because they tell an outsider when the site
is weak.

Load balancers and the docker-compose health check poll it, so it must
never hold a worker: checks that talk to another server run in threads and
count as failing after HEALTH_CHECK_TIMEOUT seconds, and each process keeps
its result for HEALTH_CACHE_SECONDS, so a burst of probes costs one round.

Apps above this layer add their own checks with ``register()`` (the
inquiries app reports how long notices to offices have been waiting).
"""

import ipaddress
import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor, wait
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from portal import two_factor
from portal.celery import app as celery_app
from portal.client_ip import client_ip

logger = logging.getLogger(__name__)


class Unhealthy(Exception):
    """Raised by a check that ran fine but found something wrong; carries figures."""

    def __init__(self, details):
        super().__init__("unhealthy")
        self.details = details


@dataclass(frozen=True)
class Check:
    function: object
    # Talks to another server over the network: run in a thread, with a deadline.
    isolated: bool
    # Reads the site's own data, so it runs only when the database answered.
    needs_database: bool


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
        conn.ensure_connection(max_retries=1, interval_start=0, timeout=settings.HEALTH_CHECK_TIMEOUT)


CHECKS = {
    "database": Check(check_database, isolated=True, needs_database=False),
    "cache": Check(check_cache, isolated=True, needs_database=False),
    "broker": Check(check_broker, isolated=True, needs_database=False),
}


def register(name, function, *, isolated=False, needs_database=True):
    """Add a check. It may return a dict of figures to report, and raises
    (``Unhealthy`` with figures, or any error) when the site is not healthy."""
    CHECKS[name] = Check(function, isolated=isolated, needs_database=needs_database)


def _run(name, check):
    """(result, figures) of one check; never raises."""
    try:
        return "ok", check.function() or {}
    except Unhealthy as problem:
        logger.warning("health check %s failed", name)
        return "failing", problem.details
    except Exception as exc:  # any failure of a dependency means "not healthy"
        logger.warning("health check %s failed: %s", name, type(exc).__name__)
        return "failing", {}


def _run_in_thread(name, check):
    try:
        return _run(name, check)
    finally:
        connections.close_all()  # this thread's own database connection


def run_checks():
    """Every check, each bounded by HEALTH_CHECK_TIMEOUT: (results, figures)."""
    results, figures = {}, {}
    isolated = {name: check for name, check in CHECKS.items() if check.isolated}
    executor = ThreadPoolExecutor(max_workers=max(1, len(isolated)), thread_name_prefix="healthz")
    try:
        futures = {executor.submit(_run_in_thread, name, check): name for name, check in isolated.items()}
        done, _late = wait(futures, timeout=settings.HEALTH_CHECK_TIMEOUT)
        for future, name in futures.items():
            if future in done:
                results[name], found = future.result()
                figures.update(found)
            else:
                logger.warning("health check %s timed out", name)
                results[name] = "timeout"
    finally:
        # A check that overran finishes on its own; nobody waits for it.
        executor.shutdown(wait=False, cancel_futures=True)
    database_ok = results.get("database") == "ok"
    for name, check in CHECKS.items():
        if check.isolated:
            continue
        if check.needs_database and not database_ok:
            results[name] = "not checked"
            continue
        results[name], found = _run(name, check)
        figures.update(found)
    return results, figures


_last = {"at": None, "results": None, "figures": None}
_lock = threading.Lock()


def current_health():
    """The checks' latest results, run again once HEALTH_CACHE_SECONDS have passed."""
    with _lock:
        at = _last["at"]
        if at is None or time.monotonic() - at >= settings.HEALTH_CACHE_SECONDS:
            _last["results"], _last["figures"] = run_checks()
            _last["at"] = time.monotonic()
        return _last["results"], _last["figures"]


def forget():
    """Drop the kept result (tests; the next probe runs every check)."""
    with _lock:
        _last["at"] = None


def may_see_details(request):
    address = ipaddress.ip_address(client_ip(request))
    if any(address in ipaddress.ip_network(allowed, strict=False) for allowed in settings.HEALTHZ_ALLOWED_IPS):
        return True
    try:  # the session lives in the database, which may be the part that is down
        user = request.user
        # A password alone is not enough where the admin also asks for a code.
        return (user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
                and not two_factor.must_verify(user))
    except DatabaseError:
        return False


@never_cache
@require_GET
def healthz(request):
    results, figures = current_health()
    failing = [name for name, result in results.items() if result != "ok"]
    body = {"status": "unavailable" if failing else "ok"}
    if may_see_details(request):
        body.update(checks=results, **figures)
        if failing:
            body["failing"] = failing
    return JsonResponse(body, status=503 if failing else 200)
