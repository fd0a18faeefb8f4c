"""Refuse oversized posts to public pages before anything reads them.

The public site has small forms only. Without this, Django's CSRF check
reads any POST body up to DATA_UPLOAD_MAX_MEMORY_SIZE (and streams uploads
to disk) before a view can say no. The admin, which takes image and
document uploads, is not limited here.
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

EXEMPT_PREFIXES = ("/admin/", "/documents/")


def content_length(request):
    """The declared body size in bytes (0 when missing or garbled)."""
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class PublicPostLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("POST", "PUT", "PATCH") and not request.path.startswith(EXEMPT_PREFIXES):
            if content_length(request) > settings.PUBLIC_POST_MAX_BYTES:
                return HttpResponse(render_to_string("413.html"), status=413)
        return self.get_response(request)
