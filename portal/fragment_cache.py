"""Pieces of pages that are the same for every visitor of a language (the
menus, the crisis notice, links to the finder and the request page),
remembered between requests so a page that is not in the page cache still
skips their queries.

Entries belong to the page cache's generation (portal/page_cache.py): the
changes that purge whole pages purge these too. The language is part of
every key. ``FRAGMENT_CACHE_ENABLED`` turns it off (tests, mostly).
"""

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language

from portal import page_cache


def remember(request, name, build):
    """``build()``'s value for ``name`` in the visitor's language, from the
    cache when this generation has it. Values must pickle (strings, lists,
    dicts, model instances)."""
    if not settings.FRAGMENT_CACHE_ENABLED or request is None or getattr(request, "is_preview", False):
        return build()  # (a preview shows the draft's own content, never a remembered one)
    cache = caches[settings.PAGE_CACHE_ALIAS]
    key = f"fragment:{page_cache.generation(request)}:{request.get_host()}:{get_language()}:{name}"
    found = cache.get(key)  # a 1-tuple, so that None can be remembered too
    if found is None:
        found = (build(),)
        cache.set(key, found, settings.FRAGMENT_CACHE_SECONDS)
    return found[0]
