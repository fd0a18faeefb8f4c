"""The admin's two-factor pages: set up an authenticator app, enter a code
after the password, and make new recovery codes (see portal/two_factor.py).

Registered under /admin/two-factor/ by portal/wagtail_hooks.py, so Wagtail
only lets signed-in admin users reach them.
"""

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django_otp.plugins.otp_static.models import StaticDevice

from portal import two_factor
from portal.lockout import locked_out

CODE_DIGITS = 6


class AuthenticatorCodeForm(forms.Form):
    code = forms.CharField(
        label="Code from your authenticator app",
        help_text="The 6 digits the app shows now.",
        max_length=12,
        widget=forms.TextInput(attrs={
            "autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9 ]*", "autofocus": True,
        }),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if not (code.isdigit() and len(code) == CODE_DIGITS):
            raise forms.ValidationError("Enter the 6 digits your authenticator app shows.")
        return code


class RecoveryCodeForm(forms.Form):
    recovery_code = forms.CharField(
        label="Recovery code",
        help_text="One of the codes you saved when you set up two-factor authentication. Each works once.",
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}),
    )

    def clean_recovery_code(self):
        return two_factor.normalise_recovery_code(self.cleaned_data["recovery_code"])


def _verified(request, device):
    """Mark this session as verified by ``device`` (a fresh session key)."""
    request.session.cycle_key()
    django_otp.login(request, device)
    two_factor.clear_failures(request, request.user)


@require_http_methods(["GET", "POST"])
def setup(request):
    """Scan a QR code (or type the key), confirm with a code, get recovery codes."""
    user = request.user
    target = two_factor.safe_next(request)
    if two_factor.has_two_factor(user) and not user.is_verified():
        # Replacing an authenticator needs the current one (or a recovery code) first.
        return redirect(two_factor.url_with_next("portal_two_factor_verify", target))
    device = two_factor.pending_authenticator(user)
    form = AuthenticatorCodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error(None, "Too many wrong codes in a row: wait a few seconds, then try again.")
        elif device.verify_token(form.cleaned_data["code"]):
            codes = two_factor.confirm_authenticator(device)
            _verified(request, device)
            return render(request, "portal/two_factor/recovery_codes.html", {
                "codes": codes, "next": target, "set_up": True,
            })
        else:
            form.add_error("code", "That code is not right. Enter the code the app shows now "
                                   "(check that your phone's clock is set automatically).")
    return render(request, "portal/two_factor/setup.html", {
        "form": form,
        "next": target,
        "qr_code": two_factor.qr_code_svg(device),
        "secret": two_factor.secret_for_typing(device),
        "required": two_factor.required_by_role(user),
        "replacing": two_factor.has_two_factor(user),
    }, status=400 if form.errors else 200)


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app, or a recovery code."""
    user = request.user
    target = two_factor.safe_next(request)
    if not two_factor.must_verify(user):
        return redirect(target)
    if not two_factor.has_two_factor(user):
        return redirect(two_factor.url_with_next("portal_two_factor_setup", target))
    if AxesProxyHandler.is_locked(request, {"username": user.get_username()}):
        logout(request)
        return locked_out(request)

    posted = request.POST if request.method == "POST" else {}
    code_form = AuthenticatorCodeForm(posted if "code" in posted else None)
    recovery_form = RecoveryCodeForm(posted if "recovery_code" in posted else None)
    form = code_form if code_form.is_bound else recovery_form if recovery_form.is_bound else None
    if form is not None and form.is_valid():
        if form is code_form:
            device, code = two_factor.authenticator(user), form.cleaned_data["code"]
        else:
            device, code = two_factor.recovery_device(user), form.cleaned_data["recovery_code"]
        allowed, _ = device.verify_is_allowed() if device else (True, None)
        if not allowed:
            form.add_error(None, "Too many wrong codes in a row: wait a few seconds, then try again.")
        else:
            verified = device and django_otp.verify_token(user, device.persistent_id, code)
            if verified:
                _verified(request, verified)
                if isinstance(verified, StaticDevice):
                    left = two_factor.recovery_codes_left(user)
                    messages.warning(request, f"You signed in with a recovery code, which now no longer works. "
                                              f"{left} left: make new ones from your account.")
                return redirect(target)
            if two_factor.wrong_code(request, user):
                logout(request)
                return locked_out(request)
            form.add_error("code" if form is code_form else "recovery_code", "That code is not right.")
    return render(request, "portal/two_factor/verify.html", {
        "code_form": code_form,
        "recovery_form": recovery_form,
        "recovery_open": recovery_form.is_bound,
        "next": target,
    }, status=400 if form is not None and form.errors else 200)


@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """Make new recovery codes (the old ones stop working); shown once."""
    user = request.user
    if not two_factor.has_two_factor(user):
        return redirect(two_factor.url_with_next("portal_two_factor_setup", reverse("wagtailadmin_account")))
    if request.method == "POST":
        return render(request, "portal/two_factor/recovery_codes.html", {
            "codes": two_factor.new_recovery_codes(user), "next": reverse("wagtailadmin_account"),
        })
    return render(request, "portal/two_factor/new_recovery_codes.html", {
        "left": two_factor.recovery_codes_left(user),
    })
