"""Staff sign-in, end to end through the admin's real login form: five
failures lock the account and the address (django-axes), and the roles that
must use two-factor authentication (django-otp) cannot get past it."""

import datetime
import io
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal import two_factor
from portal.roles import CLINICAL_REVIEWERS, CLINICIANS, MARKETING, TRANSLATOR_GROUPS
from tests.portal.factories import PASSWORD, UserFactory
from tests.harness.browser import axe_violations, format_violations
from tests.portal.staff import authenticator, sign_in, sign_in_in_browser, sign_in_with_password, totp_code
from tests.portal.test_settings import PRODUCTION_ENV, manage

pytestmark = pytest.mark.django_db

OFFICE = "198.51.100.10"
HOME = "203.0.113.20"
VERIFY = "/admin/two-factor/verify/"
SETUP = "/admin/two-factor/setup/"


def client_at(address):
    return Client(REMOTE_ADDR=address)


def log_in(client, username, password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def signed_in_as(client):
    return client.session.get("_auth_user_id")


def wrong_code(user):
    right = totp_code(user)
    return "000000" if right != "000000" else "111111"


def html(response):
    return response.content.decode()


@pytest.fixture
def clinician(roles):
    return UserFactory(username="clinician", groups=[CLINICIANS])


@pytest.fixture
def marketer(roles):
    return UserFactory(username="marketer", groups=[MARKETING])


# -- lockout ---------------------------------------------------------------------------------


def lock_out(username, address=OFFICE):
    """Five wrong passwords: the first four are refused, the fifth locks."""
    client = client_at(address)
    statuses = [log_in(client, username, "not-the-password").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    return client


@pytest.mark.smoke
def test_five_wrong_passwords_lock_the_account_even_with_the_right_password(clinician):
    client = lock_out("clinician")

    response = log_in(client, "clinician")

    assert response.status_code == 429
    assert not signed_in_as(client)
    text = html(response)
    assert "Sign-in locked" in text and "locked for 30 minutes" in text
    assert "ask an administrator" in text and OFFICE in text
    assert 'class="login"' in text or "login" in re.search(r"<body[^>]*>", text).group(0)


def test_the_lock_holds_for_the_account_anywhere_and_for_the_address_for_anyone(clinician, roles):
    UserFactory(username="colleague", groups=[CLINICIANS])
    UserFactory(username="elsewhere", groups=[CLINICIANS])
    lock_out("clinician", OFFICE)

    assert log_in(client_at(HOME), "clinician").status_code == 429  # the account, from any address
    assert log_in(client_at(OFFICE), "colleague").status_code == 429  # the address, for any account
    elsewhere = client_at(HOME)
    assert log_in(elsewhere, "elsewhere").status_code == 302  # others sign in as usual
    assert signed_in_as(elsewhere)


def test_the_address_comes_from_the_trusted_proxy(clinician, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = Client(REMOTE_ADDR="10.0.0.2")
    for _ in range(5):
        proxy.post("/admin/login/", {"username": "nobody", "password": "guess"}, HTTP_X_FORWARDED_FOR=OFFICE)

    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {OFFICE}
    # Another visitor behind the same proxy is not locked with them.
    other = proxy.post("/admin/login/", {"username": "clinician", "password": PASSWORD, "next": "/admin/"},
                       HTTP_X_FORWARDED_FOR=HOME)
    assert other.status_code == 302


def test_an_administrator_releases_the_lock(clinician):
    client = lock_out("clinician")
    out = io.StringIO()

    call_command("axes_reset_username", "clinician", stdout=out)

    assert "attempts removed" in out.getvalue()
    assert log_in(client, "clinician").status_code == 302
    assert signed_in_as(client)


def test_an_administrator_releases_an_address(clinician, roles):
    UserFactory(username="colleague", groups=[CLINICIANS])
    lock_out("nobody-here")  # someone guessing names from the office's address

    call_command("axes_reset_ip", OFFICE, stdout=io.StringIO())

    assert log_in(client_at(OFFICE), "colleague").status_code == 302


def test_the_lock_ends_by_itself_after_thirty_minutes(clinician):
    client = lock_out("clinician")
    AccessAttempt.objects.update(attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=31))

    assert log_in(client, "clinician").status_code == 302


def test_a_successful_sign_in_clears_earlier_failures(clinician):
    client = client_at(OFFICE)
    for _ in range(4):
        log_in(client, "clinician", "not-the-password")
    assert log_in(client, "clinician").status_code == 302
    client.post("/admin/logout/")

    for _ in range(4):
        assert log_in(client, "clinician", "not-the-password").status_code == 200


def test_no_password_is_stored_with_a_failure(clinician):
    log_in(client_at(OFFICE), "clinician", "my-secret-guess")

    attempt = AccessAttempt.objects.get()
    assert "my-secret-guess" not in attempt.post_data


# -- two-factor: who must use it ------------------------------------------------------------


@pytest.mark.parametrize("kind", ["superuser", MARKETING, "Intake"])
def test_these_roles_must_set_up_two_factor_before_the_admin_opens(roles, kind):
    if kind == "superuser":
        UserFactory(username="person", is_superuser=True, is_staff=True)
    else:
        UserFactory(username="person", groups=[kind])
    client = client_at(OFFICE)

    assert log_in(client, "person")["Location"] == "/admin/"
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2F"
    assert client.get("/admin/pages/")["Location"].startswith(SETUP)


@pytest.mark.parametrize("group", [CLINICIANS, CLINICAL_REVIEWERS, TRANSLATOR_GROUPS["es"]])
def test_other_roles_are_not_forced(roles, group):
    UserFactory(username="person", groups=[group])
    client = client_at(OFFICE)

    log_in(client, "person")

    assert client.get("/admin/").status_code == 200


def test_two_factor_for_all_staff_asks_everyone(clinician, settings):
    settings.TWO_FACTOR_FOR_ALL_STAFF = True
    client = client_at(OFFICE)

    log_in(client, "clinician")

    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_with_enforcement_off_marketing_goes_straight_in(marketer, settings):
    settings.TWO_FACTOR_ENFORCED = False  # the demo's dev settings
    client = client_at(OFFICE)

    log_in(client, "marketer")

    assert client.get("/admin/").status_code == 200


def test_a_clinician_may_turn_it_on_and_is_then_asked_too(clinician):
    client = sign_in(client_at(OFFICE), clinician)
    TOTPDevice.objects.all().delete()  # signed in without it, as clinicians are
    client.force_login(clinician)
    account = html(client.get("/admin/account/"))
    assert "Set up two-factor authentication" in account and SETUP in account

    set_up(client, clinician)
    client.post("/admin/logout/")
    log_in(client, "clinician")

    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_production_refuses_to_turn_enforcement_off():
    result = manage("check", env={**PRODUCTION_ENV, "TWO_FACTOR_ENFORCED": "false"})

    assert result.returncode != 0
    assert "TWO_FACTOR_ENFORCED=false is for the demo only" in result.stderr


# -- two-factor: setting it up ---------------------------------------------------------------


def set_up(client, user):
    """Open the set-up page, scan (read the key), enter the app's code: the page
    of recovery codes that follows."""
    page = client.get(SETUP, {"next": "/admin/pages/"})
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    return client.post(SETUP, {"code": totp_code(user, device), "next": "/admin/pages/"})


def test_setup_shows_a_qr_code_and_the_key_then_ten_recovery_codes(marketer):
    client = client_at(OFFICE)
    log_in(client, "marketer")

    page = client.get(SETUP, {"next": "/admin/"})
    text = html(page)
    device = TOTPDevice.objects.get(user=marketer, confirmed=False)
    assert "<svg" in text and 'aria-label="QR code' in text and "<path" in text
    typed_key = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', text).group(1)
    assert typed_key.replace(" ", "") == two_factor.secret_for_typing(device).replace(" ", "")
    assert 'autocomplete="one-time-code"' in text and 'inputmode="numeric"' in text
    assert '<label' in text and 'for="id_code"' in text
    assert client.get("/admin/").status_code == 302  # not yet

    response = client.post(SETUP, {"code": totp_code(marketer, device), "next": "/admin/"})

    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", html(response))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(StaticToken.objects.filter(device__user=marketer).values_list("token", flat=True)) == sorted(codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # this session is verified
    # Shown once: nowhere to read them again.
    assert not any(code in html(client.get("/admin/account/")) for code in codes)


def test_a_wrong_code_does_not_turn_it_on(marketer):
    client = client_at(OFFICE)
    log_in(client, "marketer")
    client.get(SETUP)

    response = client.post(SETUP, {"code": "12345"})
    assert response.status_code == 400 and "Enter the 6 digits" in html(response)
    device = TOTPDevice.objects.get(user=marketer)
    wrong = "000000" if totp_code(marketer, device) != "000000" else "111111"

    response = client.post(SETUP, {"code": wrong})

    assert response.status_code == 400 and "That code is not right" in html(response)
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


@pytest.mark.smoke
def test_the_next_sign_in_asks_for_the_code_and_refuses_a_wrong_one(marketer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait between tries in this test
    client = client_at(OFFICE)
    log_in(client, "marketer")
    set_up(client, marketer)
    client.post("/admin/logout/")

    assert log_in(client, "marketer").status_code == 302
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    page = html(client.get(VERIFY, {"next": "/admin/"}))
    assert 'autocomplete="one-time-code"' in page and 'inputmode="numeric"' in page

    refused = client.post(VERIFY, {"code": wrong_code(marketer), "next": "/admin/"})
    assert refused.status_code == 400 and "That code is not right" in html(refused)
    assert client.get("/admin/").status_code == 302

    accepted = client.post(VERIFY, {"code": totp_code(marketer), "next": "/admin/"})
    assert accepted.status_code == 302 and accepted["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_is_accepted_only_once(marketer):
    authenticator(marketer)
    first, second = client_at(OFFICE), client_at(HOME)
    for client in (first, second):
        log_in(client, "marketer")
    code = totp_code(marketer)

    assert first.post(VERIFY, {"code": code})["Location"] == "/admin/"
    assert second.post(VERIFY, {"code": code}).status_code == 400


def test_wrong_codes_count_like_wrong_passwords_and_lock(marketer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the lock, not the app's own delay, stops this
    authenticator(marketer)
    client = client_at(OFFICE)
    log_in(client, "marketer")

    statuses = [client.post(VERIFY, {"code": wrong_code(marketer)}).status_code for _ in range(5)]

    assert statuses == [400, 400, 400, 400, 429]
    assert not signed_in_as(client)  # signed out
    assert log_in(client, "marketer").status_code == 429


def test_the_password_alone_does_not_clear_the_count_when_a_code_must_follow(marketer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    authenticator(marketer)
    client = client_at(OFFICE)
    for _ in range(4):
        log_in(client, "marketer", "not-the-password")
    assert log_in(client, "marketer").status_code == 302

    assert client.post(VERIFY, {"code": wrong_code(marketer)}).status_code == 429  # the fifth failure


def test_the_code_completes_the_sign_in_and_clears_the_count(marketer):
    authenticator(marketer)
    client = client_at(OFFICE)
    for _ in range(4):
        log_in(client, "marketer", "not-the-password")
    log_in(client, "marketer")

    assert client.post(VERIFY, {"code": totp_code(marketer)}).status_code == 302
    assert not AccessAttempt.objects.exists()


def test_quick_retries_wait_for_the_apps_own_delay(marketer, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute after one wrong code, so no test runs slow enough
    authenticator(marketer)
    client = client_at(OFFICE)
    log_in(client, "marketer")
    client.post(VERIFY, {"code": wrong_code(marketer)})

    response = client.post(VERIFY, {"code": totp_code(marketer)})

    assert response.status_code == 400 and "wait a few seconds" in html(response)
    assert client.get("/admin/").status_code == 302
    assert AccessAttempt.objects.get().failures_since_start == 1  # a refused retry does not count


@pytest.mark.smoke
def test_a_recovery_code_works_once_and_not_twice(marketer):
    authenticator(marketer)
    code = two_factor.new_recovery_codes(marketer)[0]
    client = client_at(OFFICE)
    log_in(client, "marketer")

    response = client.post(VERIFY, {"recovery_code": f" {code.upper()[:4]} {code.upper()[4:]} ", "next": "/admin/"})

    assert response.status_code == 302 and response["Location"] == "/admin/"
    dashboard = html(client.get("/admin/"))
    assert "signed in with a recovery code" in dashboard and "9 left" in dashboard
    client.post("/admin/logout/")

    log_in(client, "marketer")
    again = client.post(VERIFY, {"recovery_code": code, "next": "/admin/"})

    assert again.status_code == 400 and "That code is not right" in html(again)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_new_recovery_codes_replace_the_old_ones(marketer):
    old = two_factor.new_recovery_codes(authenticator(marketer).user)
    client = sign_in(client_at(OFFICE), marketer)
    assert "New recovery codes" in html(client.get("/admin/account/"))
    assert "10 unused recovery codes" in html(client.get("/admin/two-factor/recovery-codes/"))

    response = client.post("/admin/two-factor/recovery-codes/")

    new = re.findall(r"<li><code>([a-z2-7]+)</code></li>", html(response))
    assert len(new) == 10
    assert not set(old) & set(StaticToken.objects.values_list("token", flat=True))


def test_the_code_page_keeps_next_on_this_site(marketer):
    authenticator(marketer)
    client = client_at(OFFICE)
    log_in(client, "marketer")

    response = client.post(VERIFY, {"code": totp_code(marketer), "next": "https://evil.example.org/"})

    assert response["Location"] == "/admin/"


def test_the_app_cannot_be_replaced_with_the_password_alone(marketer):
    authenticator(marketer)
    client = client_at(OFFICE)
    log_in(client, "marketer")

    response = client.get(SETUP)

    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=marketer).count() == 1


def test_a_verified_user_replaces_their_app(marketer):
    old = authenticator(marketer)
    client = sign_in(client_at(OFFICE), marketer)

    response = set_up(client, marketer)

    assert response.status_code == 200 and "Your recovery codes" in html(response)
    assert list(TOTPDevice.objects.filter(user=marketer)) != [old]
    assert TOTPDevice.objects.filter(user=marketer).count() == 1
    assert client.get("/admin/").status_code == 200


def test_an_administrator_resets_a_lost_phone(marketer):
    authenticator(marketer)
    two_factor.new_recovery_codes(marketer)
    out = io.StringIO()

    call_command("reset_two_factor", "marketer", stdout=out)

    assert "Removed 2 two-factor device(s) of marketer" in out.getvalue()
    client = client_at(OFFICE)
    log_in(client, "marketer")
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_a_password_alone_does_not_show_the_health_details(marketer):
    client = client_at("192.0.2.50")
    log_in(client, "marketer")

    assert client.get("/healthz/", REMOTE_ADDR="192.0.2.50").json() == {"status": "ok"}
    assert "checks" in sign_in(client, marketer).get("/healthz/", REMOTE_ADDR="192.0.2.50").json()


def test_the_helper_signs_in_through_the_real_forms(marketer):
    response = sign_in_with_password(client_at(OFFICE), marketer)

    assert response.status_code == 200


# -- passwords -------------------------------------------------------------------------------


@pytest.mark.parametrize("password", [
    "short-pass",  # fewer than 12 characters
    "password1234",  # a common password
    "734901275820",  # only digits
    "marketer-marketer",  # too like the user name
])
def test_weak_passwords_are_refused(marketer, password):
    with pytest.raises(ValidationError):
        validate_password(password, marketer)


def test_a_long_uncommon_password_is_accepted(marketer):
    validate_password("quiet heron under the bridge", marketer)


def test_the_admin_refuses_a_weak_new_password(marketer):
    client = sign_in(client_at(OFFICE), marketer)

    response = client.post("/admin/account/", {
        "password-old_password": PASSWORD, "password-new_password1": "short-pass",
        "password-new_password2": "short-pass",
    })

    assert response.status_code == 200
    assert "at least 12 characters" in html(response)
    marketer.refresh_from_db()
    assert marketer.check_password(PASSWORD)


# -- in a browser ----------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_in_a_browser_set_up_sign_in_with_a_code_and_get_locked_out(live_server, live_home, browser_page):
    """The pages work in Chromium and axe-core finds nothing on them."""
    boss = UserFactory(username="boss", is_superuser=True, is_staff=True)
    page, problems = browser_page, {}

    def check(name):
        violations = axe_violations(page)
        if violations:
            problems[name] = format_violations(violations)

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/setup/**")
    check("set-up")
    page.get_by_label("Code from your authenticator app").fill(totp_code(boss, TOTPDevice.objects.get(user=boss)))
    page.get_by_role("button", name="Turn it on").click()
    page.get_by_role("heading", name="Your recovery codes").wait_for()
    assert page.locator(".two-factor-codes li").count() == 10
    check("recovery codes")
    page.get_by_role("link", name="I have saved them: continue").click()
    page.wait_for_url(live_server.url + "/admin/")

    page.context.clear_cookies()
    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("boss")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/two-factor/verify/**")
    check("code")
    page.get_by_label("Code from your authenticator app").fill(totp_code(boss))
    page.get_by_role("button", name="Continue", exact=True).click()
    page.wait_for_url(live_server.url + "/admin/")

    page.context.clear_cookies()
    sign_in_in_browser(page, live_server.url, boss)  # the helper other browser tests use
    assert page.url == live_server.url + "/admin/"

    page.context.clear_cookies()
    for _ in range(5):
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill("boss")
        page.get_by_label("Password").fill("not-the-password")
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_load_state()
    page.get_by_role("heading", name="Sign-in locked").wait_for()
    check("locked")

    assert not problems, "\n\n".join(f"{name}:\n{text}" for name, text in problems.items())
