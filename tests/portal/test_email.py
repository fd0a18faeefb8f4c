"""E-mail really leaves over SMTP (here to a local aiosmtpd sink)."""

import re
from urllib.parse import urlsplit

import pytest

from portal.roles import MARKETING
from tests.portal.factories import UserFactory
from tests.portal.staff import sign_in_with_password

pytestmark = pytest.mark.django_db


def test_staff_member_who_forgot_their_password_gets_a_reset_email(client, roles, smtp_sink):
    marketer = UserFactory(username="marketer", email="marketer@example.org", groups=[MARKETING])

    response = client.post("/admin/password_reset/", {"email": "marketer@example.org"})

    assert response.status_code == 302
    [message] = smtp_sink.wait_for(1)
    assert message["To"] == "marketer@example.org"
    text = message.get_body(("plain",)).get_content()
    [link] = re.findall(r"http://testserver/admin/password_reset/confirm/\S+/", text)

    # The link opens a form to choose a new password, and it works.
    form_page = client.get(urlsplit(link).path, follow=True)
    assert form_page.status_code == 200 and "new_password1" in form_page.content.decode()
    new_password = "a new long passphrase"
    chosen = client.post(form_page.request["PATH_INFO"],
                         {"new_password1": new_password, "new_password2": new_password})
    assert chosen.status_code == 302
    # The new password signs in through the admin's form (and its code step).
    assert sign_in_with_password(client, marketer, new_password).status_code == 200
