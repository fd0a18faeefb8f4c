"""Permissions-Policy on public pages: the browser features the site may use.

Only geolocation, and only for this site itself ("Use my location" in the
office finder, which asks the visitor first). Everything else a page could
ask a browser for is switched off, for this site and for anything it might
ever embed. Django has no setting for this header, hence the middleware.

The admin is left out: Wagtail uses features such as the clipboard there.
Feature names are the ones Chromium knows; an unknown name is only a
console warning, but the tests treat console noise as a failure.
"""

from portal.content_security import is_admin_path

ALLOWED = {"geolocation": "(self)"}
DENIED = (
    "accelerometer", "autoplay", "bluetooth", "browsing-topics", "camera", "clipboard-read",
    "clipboard-write", "display-capture", "encrypted-media", "fullscreen", "gamepad", "gyroscope", "hid",
    "identity-credentials-get", "idle-detection", "local-fonts", "magnetometer", "microphone", "midi",
    "otp-credentials", "payment", "picture-in-picture", "publickey-credentials-create",
    "publickey-credentials-get", "screen-wake-lock", "serial", "storage-access", "usb", "web-share",
    "window-management", "xr-spatial-tracking",
)
POLICY = ", ".join([f"{name}={allow}" for name, allow in ALLOWED.items()] + [f"{name}=()" for name in DENIED])


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not is_admin_path(request.path_info) and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = POLICY
        return response
