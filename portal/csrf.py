"""CSRF protection that lets public pages be cached.

A CSRF token exists to stop another site from posting with a visitor's
session. Visitors to the public site have no session and no account, and
cached pages must not carry one visitor's token to another (a
``{% csrf_token %}`` also sets a cookie and ``Vary: Cookie``, which keeps
a page out of the cache). So for public pages, posted by someone without a
session, the browser's own word on where the post comes from replaces the
token: ``Sec-Fetch-Site`` (every current browser sends it) must be
``same-origin`` or ``none``, or else the ``Origin`` header must be this
site. A post from another site is refused exactly as Django refuses one
without a token. Clients that send neither header are not browsers, so
they carry no one's credentials to abuse; the appointment form's own
signed token, honeypot and rate limit still apply to them.

Everything else (the admin, and anyone signed in) keeps Django's full
token check.
"""

from django.conf import settings
from django.middleware.csrf import REASON_BAD_ORIGIN, CsrfViewMiddleware


class PublicPageCsrfMiddleware(CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            request.method == "POST"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(settings.PAGE_CACHE_NEVER_PATHS)
        ):
            if self._posted_from_this_site(request):
                return self._accept(request)
            return self._reject(request, REASON_BAD_ORIGIN % request.META.get("HTTP_ORIGIN", "(none)"))
        return super().process_view(request, callback, callback_args, callback_kwargs)

    def _posted_from_this_site(self, request):
        fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
        if fetch_site is not None:
            return fetch_site in ("same-origin", "none")
        if "HTTP_ORIGIN" in request.META:
            return self._origin_verified(request)
        return True  # not a browser: no ambient credentials to forge with
