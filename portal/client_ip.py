"""The visitor's IP address, for per-visitor limits such as the appointment
form's rate limit.

Behind TRUSTED_PROXY_COUNT reverse proxies (a TLS terminator, a load
balancer), REMOTE_ADDR is the nearest proxy and the visitor is the entry that
many places from the right of X-Forwarded-For; entries further left were
written by the client and can be forged. With no proxies, REMOTE_ADDR it is.
"""

from django.conf import settings


def client_ip(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"
