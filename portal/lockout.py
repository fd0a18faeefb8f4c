"""The page django-axes shows when an account or address is locked
(AXES_LOCKOUT_CALLABLE): the admin's sign-in look, status 429, how long the
lock lasts and who can lift it."""

from django.conf import settings
from django.shortcuts import render

from portal.client_ip import client_ip


def lock_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_out(request, original_response=None, credentials=None):
    context = {"minutes": lock_minutes(), "failure_limit": settings.AXES_FAILURE_LIMIT,
               "address": client_ip(request)}
    return render(request, "portal/two_factor/locked_out.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
