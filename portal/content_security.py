"""Content-Security-Policy: strict on public pages, looser in the admin.

django-csp's middleware writes the header; this subclass chooses which
policy a response gets:

- Public pages get ``CONTENT_SECURITY_POLICY`` (settings/base.py): every
  script, style, font and request from this site only, no inline script or
  style, no nonces (a nonce would make a cached page's header and body
  disagree). JSON data blocks (``json_script``, JSON-LD) are not scripts, so
  they need nothing. The office map's tiles are images from the host of
  ``MAP_TILE_URL``; that origin is added to ``img-src`` here, from the
  setting, so changing the tile provider needs no second edit. So is the
  origin of ``MEDIA_URL`` when uploads come from a bucket (public and admin).
- Wagtail's previews run the public page's URL through the middleware
  (a "dummy" request) for the admin's preview panel: the public policy,
  except that the admin may frame it.
- Paths under ``CSP_ADMIN_URL_PREFIXES`` (the Wagtail admin, with the
  two-factor and lock pages) get
  ``CONTENT_SECURITY_POLICY_ADMIN``: Wagtail's admin still uses inline
  scripts and styles.

Violations are reported to ``/csp-report/`` (portal/csp_reports.py): with
``report-uri`` for every browser and, where the Reporting API is supported,
``report-to`` with the ``Reporting-Endpoints`` header added here.
"""

from urllib.parse import urlsplit

from django.conf import settings

from csp.middleware import CSPMiddleware
from csp.utils import default_config

REPORTING_GROUP = "csp"


def tile_origin(url):
    """The origin map tiles come from, as a CSP source ("" without tiles).

    A ``{s}`` subdomain placeholder (``https://{s}.tile.example.org/...``)
    becomes a wildcard: ``https://*.tile.example.org``."""
    if not url:
        return ""
    parts = urlsplit(url)
    host = parts.netloc.rsplit("@", 1)[-1]
    if parts.scheme not in ("http", "https") or not host:
        return ""
    if host.startswith("{s}."):
        host = "*." + host[len("{s}."):]
    if "{" in host or "}" in host:
        return ""  # some other placeholder in the host: no source can express it
    return f"{parts.scheme}://{host}"


def media_origin(url):
    """The origin uploads are served from when it is another host (a bucket), else ""."""
    parts = urlsplit(url or "")
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"
    return ""


def is_admin_path(path):
    return path.startswith(tuple(settings.CSP_ADMIN_URL_PREFIXES))


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only or parts.config is not None:
            return parts  # a view chose its own policy (django-csp's @csp decorator)
        images = [media_origin(settings.MEDIA_URL)]
        if is_admin_path(request.path_info):
            parts.config = default_config(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])
        else:
            images.append(tile_origin(getattr(settings, "MAP_TILE_URL", "")))
            if getattr(request, "is_dummy", False):
                # Wagtail's preview: the public page, rendered for the admin's
                # preview panel, which frames it. Only the framing is relaxed.
                parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        images = [origin for origin in images if origin]
        if images:
            update = dict(parts.update or {})
            update["img-src"] = [*_as_list(update.get("img-src")), *images]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if "Content-Security-Policy" in response and "Reporting-Endpoints" not in response:
            response["Reporting-Endpoints"] = f'{REPORTING_GROUP}="{settings.CSP_REPORT_PATH}"'
        return response


def _as_list(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return list(value)
