"""E-mail really leaves over SMTP (here to a local aiosmtpd sink)."""

import pytest

pytestmark = pytest.mark.django_db


def test_staff_member_who_forgot_their_password_gets_a_reset_email(client, demo_site, smtp_sink):
    response = client.post("/admin/password_reset/", {"email": "marketing@example.org"})

    assert response.status_code == 302
    [message] = smtp_sink.wait_for(1)
    assert message["To"] == "marketing@example.org"
    assert "/admin/password_reset/confirm/" in message.get_body(("plain",)).get_content()
