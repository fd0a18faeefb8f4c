"""/csp-report/: browsers report Content-Security-Policy violations here.

Only counts are kept: per (directive, blocked origin), in the cache, for a
day. A log line says which directive blocked what origin and how often,
never the page's address, the visitor's address or their browser (a page
address can hold a ZIP code, a search or an office a visitor looked at).
The blocked resource is cut down to its origin (``https://tiles.example``)
or to the browser's keyword for it (``inline``, ``eval``, ``data``...).

Browsers send two formats:

- ``application/csp-report`` (``report-uri``): ``{"csp-report": {...}}``
  with ``effective-directive``/``violated-directive`` and ``blocked-uri``;
- ``application/reports+json`` (``report-to``, the Reporting API): a list
  of ``{"type": "csp-violation", "body": {...}}`` with
  ``effectiveDirective`` and ``blockedURL``.

Anyone can post here, so it stays cheap: a small body limit, at most
``MAX_REPORTS_PER_POST`` reports counted per post, and at most
``MAX_LOG_LINES_PER_MINUTE`` log lines a minute for the whole site (a count
is logged the first time and then at each power of two). A bad body is a
400, never a 500; a good one is a 204.
"""

import json
import logging
import re
import time
from urllib.parse import urlsplit

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from csp.utils import DEFAULT_DIRECTIVES

logger = logging.getLogger(__name__)

CONTENT_TYPES = ("application/csp-report", "application/reports+json", "application/json")
MAX_BODY_BYTES = 16_000
MAX_REPORTS_PER_POST = 20
MAX_LOG_LINES_PER_MINUTE = 30
COUNT_SECONDS = 24 * 3600
KEY_PREFIX = "csp-report"

# Directives a report may name: django-csp's list plus what browsers report.
DIRECTIVES = frozenset(DEFAULT_DIRECTIVES) | {"fenced-frame-src", "script-src-elem", "style-src-elem"}
HOST = re.compile(r"^(\*\.)?[a-z0-9.-]{1,253}(:[0-9]{1,5})?$|^\[[0-9a-f:.]{2,45}\](:[0-9]{1,5})?$")
# What browsers put in blocked-uri / blockedURL for things that have no URL.
KEYWORDS = {"inline", "eval", "wasm-eval", "self", "data", "blob", "trusted-types-policy", "trusted-types-sink",
            "chrome-extension", "moz-extension", "safari-extension", "safari-web-extension"}
SCHEME = re.compile(r"^[a-z][a-z0-9+.-]{0,30}$")


class BadReport(ValueError):
    pass


@csrf_exempt
@require_POST
def csp_report(request):
    content_type = request.content_type or ""
    if content_type not in CONTENT_TYPES:
        return HttpResponseBadRequest("Expected a CSP report.", content_type="text/plain")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        return HttpResponse("Report too large.", status=413, content_type="text/plain")
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return HttpResponse("Report too large.", status=413, content_type="text/plain")
    try:
        violations = parse(body)
    except BadReport:
        return HttpResponseBadRequest("Not a CSP report.", content_type="text/plain")
    for directive, blocked in violations[:MAX_REPORTS_PER_POST]:
        count(directive, blocked)
    return HttpResponse(status=204)


def parse(body):
    """[(directive, blocked origin or keyword), ...] from a report body."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BadReport("not JSON") from None
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        report = data["csp-report"]
        return [violation(report.get("effective-directive") or report.get("violated-directive"),
                          report.get("blocked-uri"))]
    if isinstance(data, list) and data:
        found = []
        for entry in data:
            if not isinstance(entry, dict) or not isinstance(entry.get("body"), dict):
                raise BadReport("not a report")
            if entry.get("type") != "csp-violation":
                continue  # another kind of report (deprecation, intervention): not ours to count
            report = entry["body"]
            found.append(violation(report.get("effectiveDirective"), report.get("blockedURL")))
        return found
    raise BadReport("not a CSP report")


def violation(directive, blocked):
    if not isinstance(directive, str):
        raise BadReport("no directive")
    directive = directive.strip().split(" ", 1)[0].lower()  # violated-directive may carry sources
    if directive not in DIRECTIVES:
        raise BadReport("bad directive")
    return directive, blocked_origin(blocked)


def blocked_origin(blocked):
    """The origin of what was blocked, or the browser's keyword; never a path or query."""
    if not isinstance(blocked, str) or not blocked.strip():
        return "inline"  # older browsers send "" for inline script and style
    blocked = blocked.strip().lower()
    if blocked in KEYWORDS:
        return blocked
    try:
        parts = urlsplit(blocked)
    except ValueError:
        return "other"
    if parts.scheme in ("http", "https", "ws", "wss"):
        host = parts.netloc.rsplit("@", 1)[-1]  # never user:password@
        return f"{parts.scheme}://{host}" if HOST.match(host) else "other"
    if SCHEME.match(parts.scheme):
        return parts.scheme  # data:, blob:, chrome-extension:... without the rest
    return "other"


def count(directive, blocked):
    key = f"{KEY_PREFIX}:{directive}:{blocked}"
    try:
        cache.add(key, 0, COUNT_SECONDS)
        total = cache.incr(key)
    except ValueError:  # the key expired in between, or the cache is down
        total = None
    if total is None or total & (total - 1) == 0:  # the first, then 2, 4, 8, ...
        if _may_log():
            logger.warning("CSP violation: %s blocked %s (%s in the last day)",
                           directive, blocked, total if total is not None else "count unavailable")
    return total


def _may_log():
    """At most MAX_LOG_LINES_PER_MINUTE lines a minute, site-wide."""
    key = f"{KEY_PREFIX}:log-lines:{int(time.time() // 60)}"
    try:
        cache.add(key, 0, 120)
        return cache.incr(key) <= MAX_LOG_LINES_PER_MINUTE
    except ValueError:
        return True
