"""Signing staff in, past the admin's two-factor step.

The test settings enforce two-factor authentication as production does, so
a test that only wants a signed-in editor uses ``sign_in(client, user)``: a
session verified with a real, confirmed authenticator of the user's. Tests
that type the password into /admin/login/ (the test client or a browser)
then enter ``totp_code(user)`` on the code page.
"""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP, hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import two_factor
from tests.portal.factories import PASSWORD


def authenticator(user):
    """The user's confirmed authenticator app, set up now if they had none."""
    return two_factor.authenticator(user) or TOTPDevice.objects.create(
        user=user, name=two_factor.AUTHENTICATOR_NAME, confirmed=True
    )


def totp_code(user, device=None):
    """The code the user's app shows now, as the site will accept it: a code
    is never accepted twice, so a second sign-in in the same 30 seconds gets
    the next step's code (within the device's tolerance)."""
    device = device or authenticator(user)
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    now = totp.t()
    for step in range(now - device.tolerance, now + device.tolerance + 1):
        if step > device.last_t:
            return f"{hotp(device.bin_key, step, digits=device.digits):0{device.digits}d}"
    raise AssertionError("Every code in the device's window was used already: wait 30 seconds.")


def sign_in(client, user):
    """Sign ``user`` in on the Django test ``client`` with a verified session."""
    device = authenticator(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def sign_in_with_password(client, user, password=PASSWORD, next_url="/admin/"):
    """The real way in: the password on /admin/login/, then the app's code.
    Returns the response of the page the user lands on."""
    authenticator(user)
    response = client.post("/admin/login/", {"username": user.get_username(), "password": password, "next": next_url})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.get(response["Location"])
    if response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/"):
        response = client.post(response["Location"], {"code": totp_code(user)})
        assert response.status_code == 302, response.content.decode()[:2000]
        response = client.get(response["Location"])
    return response


def sign_in_in_browser(page, base_url, user, password=PASSWORD):
    """The same in Playwright: type the password, then the app's code."""
    authenticator(user)
    page.goto(base_url + "/admin/login/")
    page.get_by_label("Username").fill(user.get_username())
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    if "/admin/two-factor/verify/" in page.url:
        page.get_by_label("Code from your authenticator app").fill(totp_code(user))
        page.get_by_role("button", name="Continue", exact=True).click()
        page.wait_for_load_state()
