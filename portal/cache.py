"""Django's Redis cache, made to fail soft.

Wagtail reads its site root paths from the cache on every page, and the
appointment form counts requests per IP there. With Django's own backend a
stopped Redis turns every page into a server error. Here an unreachable
Redis reads as a cache miss instead: pages render from the database, the
rate limit fails open (RATELIMIT_FAIL_OPEN) and /healthz/ still reports the
cache as failing, because what it stores does not come back.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (RedisConnectionError, RedisTimeoutError, OSError)
LOG_EVERY_SECONDS = 30  # one warning per process and half-minute, not one per call


class _Missing(Exception):
    """Raised instead of the Redis error where callers expect a missing key."""


def _fail_soft(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE_ERRORS as error:
                self._log_outage(method.__name__, error)
                if fallback is _Missing:
                    # incr()/decr() of a missing key raise ValueError in Django.
                    raise ValueError("cache unavailable") from None
                return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorate


def _default_value(key, default=None, *args, **kwargs):
    return default


class ResilientRedisCache(RedisCache):
    _last_logged = 0.0

    def _log_outage(self, operation, error):
        now = time.monotonic()
        if now - ResilientRedisCache._last_logged >= LOG_EVERY_SECONDS:
            ResilientRedisCache._last_logged = now
            logger.warning("Redis cache unavailable during %s (%s); serving without cache",
                           operation, type(error).__name__)

    get = _fail_soft(_default_value)(RedisCache.get)
    get_many = _fail_soft(lambda *args, **kwargs: {})(RedisCache.get_many)
    add = _fail_soft(False)(RedisCache.add)
    set = _fail_soft(None)(RedisCache.set)
    set_many = _fail_soft(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _fail_soft(False)(RedisCache.touch)
    delete = _fail_soft(False)(RedisCache.delete)
    delete_many = _fail_soft(None)(RedisCache.delete_many)
    has_key = _fail_soft(False)(RedisCache.has_key)
    incr = _fail_soft(_Missing)(RedisCache.incr)
    clear = _fail_soft(False)(RedisCache.clear)
