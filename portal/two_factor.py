"""Two-factor authentication for the Wagtail admin (django-otp).

After the password, the admin asks for a code from an authenticator app
(TOTP) or a single-use recovery code. Who must use it (when
TWO_FACTOR_ENFORCED is on): superusers, members of TWO_FACTOR_REQUIRED_GROUPS
and, with TWO_FACTOR_FOR_ALL_STAFF, every admin user. Anyone else may set it
up from their account, and is then asked for it too.

``TwoFactorMiddleware`` (after django-otp's OTPMiddleware) sends a signed-in
user whose session is not yet verified from any admin page to the code page,
or to set-up when they have no authenticator yet. The pages themselves live
in portal/two_factor_views.py.

Wrong codes count as failed sign-ins for django-axes, and the counts are
cleared only by a complete sign-in (``clear_failures``), not by the password
alone when a code must follow.
"""

import base64

import qrcode
import qrcode.image.svg
from axes.utils import reset as reset_failures
from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.client_ip import client_ip

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"

# Admin URLs a signed-in but unverified user may still reach: signing in and
# out, the two-factor pages, and what those pages load (icons, translations).
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "portal_two_factor_setup",
    "portal_two_factor_verify",
}


def required_by_role(user):
    """Whether this user's role obliges them to use two-factor codes."""
    if not (user.is_authenticated and settings.TWO_FACTOR_ENFORCED):
        return False
    if user.is_superuser:
        return True
    if settings.TWO_FACTOR_FOR_ALL_STAFF and user.has_perm("wagtailadmin.access_admin"):
        return True
    return user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()


def authenticator(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_device(user):
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def has_two_factor(user):
    """Whether the user has set up an authenticator (then they are always asked)."""
    return user.is_authenticated and TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def must_verify(user):
    """Whether this signed-in user must still enter a code in this session."""
    if not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)  # installed by django-otp's OTPMiddleware
    if is_verified is not None and is_verified():
        return False
    return required_by_role(user) or has_two_factor(user)


def pending_authenticator(user):
    """The authenticator being set up (unconfirmed), made on first use."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


@transaction.atomic
def confirm_authenticator(device):
    """``device`` becomes the user's one authenticator; returns fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with new ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name=RECOVERY_NAME, defaults={"confirmed": True})
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(settings.TWO_FACTOR_RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def forget(user):
    """Remove every two-factor device of the user (a lost phone): they set
    it up again at their next sign-in."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    return removed


def normalise_recovery_code(code):
    return "".join(code.split()).replace("-", "").lower()


def secret_for_typing(device):
    """The key as authenticator apps ask for it: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[start:start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device):
    """The otpauth:// address as an inline SVG QR code (dark on white)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    svg = image.to_string(encoding="unicode")
    label = 'role="img" aria-label="QR code to scan with your authenticator app" class="two-factor-qr"'
    return mark_safe(svg.replace("<svg ", f"<svg {label} ", 1))  # generated here; holds no user input


def wrong_code(request, user):
    """Count a wrong code like a wrong password (django-axes): the fifth
    failure locks the account and the address. True when it is now locked."""
    user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=request)
    return bool(getattr(request, "axes_locked_out", False))


def clear_failures(request, user):
    """A complete sign-in clears the failures counted against the account and
    the address. Not the password alone when a code must follow: otherwise
    each new sign-in would give a guesser five more codes."""
    reset_failures(ip=client_ip(request), username=user.get_username(), ip_or_username=True)


@receiver(user_logged_in, dispatch_uid="portal.two_factor.password_accepted")
def password_accepted(sender, request, user, **kwargs):
    if request is not None and not must_verify(user):
        clear_failures(request, user)


def safe_next(request, default=None):
    """The ``next`` address from the query or form, if it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return default or reverse("wagtailadmin_home")


def url_with_next(name, target):
    return f"{reverse(name)}?{urlencode({'next': target})}"


class TwoFactorMiddleware:
    """Keep unverified sessions out of the admin until the code is entered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._in_admin(request) and must_verify(request.user) and not self._open(request):
            target = request.get_full_path() if request.method == "GET" else reverse("wagtailadmin_home")
            if has_two_factor(request.user):
                return redirect(url_with_next("portal_two_factor_verify", target))
            return redirect(url_with_next("portal_two_factor_setup", target))
        return self.get_response(request)

    @staticmethod
    def _in_admin(request):
        return request.path_info.startswith(reverse("wagtailadmin_home"))

    @staticmethod
    def _open(request):
        try:
            return resolve(request.path_info).url_name in OPEN_URL_NAMES
        except Resolver404:
            return False
