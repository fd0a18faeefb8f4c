"""Rotating the key that encrypts inquiries loses nothing (README: "Rotating the encryption keys")."""

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from tests.locations.inquiries import VISITOR, answers, office

from locations.management.commands.reencrypt_inquiries import encrypted_fields
from locations.models import Inquiry

pytestmark = pytest.mark.django_db


@pytest.fixture
def restart():
    """Encrypted fields derive their keys once per process, as a restart would redo."""

    def forget_keys():
        for name in encrypted_fields():
            field = Inquiry._meta.get_field(name)
            field.__dict__.pop("keys", None)
            field.__dict__.pop("f", None)

    yield forget_keys
    forget_keys()


def raw_name(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM locations_inquiry WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_new_key_with_the_old_as_fallback_reads_and_reencrypts(demo_site, settings, restart, capsys):
    Client().post("/locations/naperville/", answers(office()))
    inquiry = Inquiry.objects.get()
    before = raw_name(inquiry.pk)

    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789abcdef"
    restart()
    assert Inquiry.objects.get().name == VISITOR["name"]  # the fallback still decrypts

    call_command("reencrypt_inquiries")
    assert "1/1 inquiries re-encrypted (100%)" in capsys.readouterr().out
    assert raw_name(inquiry.pk) != before

    settings.SECRET_KEY_FALLBACKS = []
    restart()
    assert Inquiry.objects.get().name == VISITOR["name"]  # readable with the new key alone


def test_reencrypting_without_the_old_key_stops_and_says_what_to_do(demo_site, settings, restart):
    Client().post("/locations/naperville/", answers(office()))
    before = raw_name(Inquiry.objects.get().pk)

    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789abcdef"
    restart()
    with pytest.raises(CommandError, match="SECRET_KEY_FALLBACKS"):
        call_command("reencrypt_inquiries")
    assert raw_name(Inquiry.objects.get().pk) == before  # nothing was rewritten
