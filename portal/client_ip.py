"""The visitor's IP address, for per-visitor limits (the appointment form's
rate limit) and for who may read /healthz/'s details.

Behind TRUSTED_PROXY_COUNT reverse proxies (a TLS terminator, a load
balancer), REMOTE_ADDR is the nearest proxy and the visitor is the entry
that many places from the right of X-Forwarded-For: each proxy appends the
address it saw. Entries further left were written by the client and are
never trusted. With no proxies, X-Forwarded-For is ignored altogether.

Whatever it returns is a valid IP address: an entry that is not one (a
forged header reaching the app past its proxy) falls back to REMOTE_ADDR.
IPv4 addresses written the IPv6 way by dual-stack servers (::ffff:1.2.3.4)
come back as plain IPv4, so they are told apart (and match allow-lists).
"""

import ipaddress

from django.conf import settings

UNKNOWN = "0.0.0.0"  # a unix socket has no peer address


def _valid(address):
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return None
    return str(getattr(parsed, "ipv4_mapped", None) or parsed)


def client_ip(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            appended_by_our_proxy = _valid(forwarded[-proxies])
            if appended_by_our_proxy:
                return appended_by_our_proxy
    return _valid(request.META.get("REMOTE_ADDR") or "") or UNKNOWN
