"""How many appointment requests one visitor may send: INQUIRY_RATE_LIMIT.

Every POST is counted before it is processed, with one atomic increment in
the shared cache (Redis in production), so requests sent in parallel cannot
all slip in under the limit. A post that stores nothing because the visitor
has something to correct is given back, so fixing mistakes never locks
anyone out.

Visitors are counted by IP address (IPv6 by its /64, which one household
holds), taken from ``portal.client_ip``. The cache key holds a keyed hash of
the address, never the address itself. If the cache is down the form
accepts the request (fail open): losing a request for help is worse.
"""

import hashlib
import hmac
import ipaddress
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from portal.client_ip import client_ip

logger = logging.getLogger(__name__)

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def parse_rate(rate):
    """'10/h' -> (10, 3600); '5/10m' -> (5, 600)."""
    match = RATE.match(rate or "")
    if not match:
        raise ImproperlyConfigured(f"INQUIRY_RATE_LIMIT must look like 10/h or 5/10m, not {rate!r}.")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * UNITS[unit]


def visitor_key(request):
    """A keyed hash of the visitor's network, so Redis holds no addresses."""
    address = ipaddress.ip_address(client_ip(request))
    network = ipaddress.ip_network(f"{address}/{64 if address.version == 6 else 32}", strict=False)
    digest = hmac.new(settings.SECRET_KEY.encode(), str(network).encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


@dataclass
class Allowance:
    """This visitor's count in the current window, this post included."""

    key: str | None
    count: int
    limit: int

    @property
    def exceeded(self):
        return self.key is not None and self.count > self.limit

    def give_back(self):
        """This post stored nothing the visitor will not send again: uncount it."""
        if self.key is None:
            return
        try:
            cache.decr(self.key)
        except Exception as error:  # expired meanwhile, or the cache is down
            logger.info("Inquiry rate count not given back (%s)", type(error).__name__)


def take(request, now=None):
    """Count this post. Returns an Allowance; ``exceeded`` means refuse it."""
    limit, period = parse_rate(settings.INQUIRY_RATE_LIMIT)
    window = int((now or time.time()) // period)
    key = f"inquiries:rate:{visitor_key(request)}:{period}:{window}"
    try:
        cache.add(key, 0, timeout=period + 60)
        count = cache.incr(key)
    except Exception as error:  # the cache is down: accept (fail open)
        logger.warning("Inquiry rate limit not checked (%s)", type(error).__name__)
        return Allowance(key=None, count=0, limit=limit)
    return Allowance(key=key, count=count, limit=limit)
