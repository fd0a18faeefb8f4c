"""The full-page cache for visitors, and the holes punched in cached pages.

A hit must cost little more than a static file, so ``PageCacheMiddleware``
sits right after SecurityMiddleware (and WhiteNoise): a hit runs no other
middleware, no session, no URL resolving, no database query, and one cache
round trip (``get_many`` of the page and the current generation).

What is cached: GET and HEAD of public pages, 200 HTML responses, for
requests with no session cookie (signed-in staff always get fresh pages,
with Wagtail's user bar) and no query string (filters, searches and the
finder's locations are never stored). Responses that set a cookie, vary on
Cookie or say ``private``/``no-store``/``no-cache`` are never stored, and neither is a
page that rendered a CSRF token, so no visitor's token reaches another.
The language is part of the path (/, /es/, /pl/), so it is part of the key.

Purging: every change a visitor could see (a page published, unpublished,
moved or deleted; a translatable snippet such as the crisis notice or a
topic; site settings; an image) bumps one generation number, and entries of
an older generation are misses. A published page touches menus, listings,
the home page and other pages' hreflang links, so on a site of this size
purging everything is the only rule that is never stale, and re-rendering
is quick. Pages showing today's hours expire on their own after
PAGE_CACHE_SECONDS.

Holes: a cached page must not carry one visitor's token to the next. Apps
register a placeholder and a function (``register_hole``); every HTML
response, cached or not, gets each placeholder replaced by a fresh value
(the appointment form's signed token, see inquiries.apps).
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

GENERATION_KEY = "page-cache:generation"
_holes = {}


def register_hole(placeholder, fill):
    """Replace ``placeholder`` (str) in every HTML response by ``fill()``."""
    _holes[placeholder.encode()] = fill


def fill_holes(content):
    for placeholder, fill in _holes.items():
        if placeholder in content:
            content = content.replace(placeholder, fill().encode())
    return content


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def purge():
    """Make every cached page a miss (a new generation)."""
    _cache().set(GENERATION_KEY, time.time_ns(), None)


def purge_after_commit(**kwargs):
    """Purge once the current transaction commits (at once outside one).
    Purged earlier, a request in between could cache the old content anew.
    Signal handlers can connect this directly."""
    transaction.on_commit(purge)


def generation(request):
    """The current generation, read once per request (fragment_cache.py)."""
    if not hasattr(request, "_page_cache_generation"):
        current = _cache().get(GENERATION_KEY)
        if current is None:
            _cache().add(GENERATION_KEY, time.time_ns(), None)
            current = _cache().get(GENERATION_KEY)
        request._page_cache_generation = current
    return request._page_cache_generation


def _key(request):
    return f"page-cache:{request.get_host()}:{request.path}"


def _may_use_cache(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_NEVER_PATHS)
    )


def _may_store(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # it rendered this visitor's CSRF token
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    # "Vary: Cookie" is fine: anyone with a session cookie bypasses the cache.
    if "*" in {value.strip() for value in cc_delim_re.split(response.get("Vary", ""))}:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cacheable = _may_use_cache(request)
        if cacheable:
            key = _key(request)
            found = _cache().get_many([key, GENERATION_KEY])
            entry, current = found.get(key), found.get(GENERATION_KEY)
            if entry is not None and entry[0] == current:
                return self._from_entry(entry, request)
            if current is not None:  # the fragments of this render use it too
                request._page_cache_generation = current
            generation(request)  # (starts the first generation when there is none)

        response = self.get_response(request)
        if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
            return response
        if cacheable and _may_store(request, response):
            # Stored under the generation read before rendering: a purge
            # while this page rendered makes it a miss, never stale.
            headers = [(name, value) for name, value in response.items() if name.lower() != "content-length"]
            entry = (generation(request), response.content, headers)
            _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        response.content = fill_holes(response.content)
        if response.has_header("Content-Length"):  # a token is longer than its placeholder
            response["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def _from_entry(entry, request):
        _generation, content, headers = entry
        response = HttpResponse(b"" if request.method == "HEAD" else fill_holes(content))
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(response.content))
        response["X-Page-Cache"] = "hit"
        return response
