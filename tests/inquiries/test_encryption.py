"""Inquiries are encrypted with keys of their own, rotated without losing
anything (README: "Rotating the encryption keys")."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.db import connection

from inquiries.encryption import UndecryptableInquiry
from inquiries.models import Inquiry
from tests.inquiries.factories import VISITOR, InquiryFactory

pytestmark = pytest.mark.django_db


def raw(pk, column="name"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM inquiries_inquiry WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.fixture
def stored(clinic):
    return InquiryFactory(office_page=clinic.offices["naperville"])


def test_changing_secret_key_leaves_inquiries_readable(stored, settings):
    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789abcdef"
    settings.SECRET_KEY_FALLBACKS = []

    assert Inquiry.objects.get().name == VISITOR["name"]


def test_a_new_key_with_the_old_one_after_it_reads_and_reencrypts(stored, settings, capsys):
    old_key = settings.INQUIRY_ENCRYPTION_KEYS[0]
    new_key = Fernet.generate_key().decode()
    before = raw(stored.pk)

    settings.INQUIRY_ENCRYPTION_KEYS = [new_key, old_key]
    assert Inquiry.objects.get().name == VISITOR["name"]  # the old key still decrypts

    call_command("reencrypt_inquiries")
    assert "1/1 inquiries re-encrypted (100%)" in capsys.readouterr().out
    assert raw(stored.pk) != before
    assert Fernet(new_key).decrypt(raw(stored.pk).encode()).decode() == VISITOR["name"]

    settings.INQUIRY_ENCRYPTION_KEYS = [new_key]
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.email, inquiry.phone) == (VISITOR["name"], VISITOR["email"], VISITOR["phone"])


def test_reencrypting_without_the_old_key_stops_names_the_row_and_changes_nothing(stored, settings):
    before = raw(stored.pk)
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]

    with pytest.raises(CommandError, match=f"Inquiry {stored.reference}.*INQUIRY_ENCRYPTION_KEYS"):
        call_command("reencrypt_inquiries")
    assert raw(stored.pk) == before


def test_a_value_no_key_opens_is_an_error_naming_the_row_never_the_ciphertext(stored, settings):
    settings.INQUIRY_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    inquiry = Inquiry.objects.get()

    with pytest.raises(UndecryptableInquiry) as problem:
        inquiry.name
    assert f"Inquiry {stored.reference}" in str(problem.value) and "name" in str(problem.value)
    assert "gAAAAA" not in str(problem.value)
    assert inquiry.reference == stored.reference  # the rest of the row reads as usual


def test_empty_contact_details_are_stored_as_null_and_read_as_empty(clinic):
    inquiry = InquiryFactory(office_page=clinic.offices["naperville"], email="", note="")

    assert raw(inquiry.pk, "email") is None and raw(inquiry.pk, "note") is None
    assert Inquiry.objects.get().email == "" and Inquiry.objects.get().note == ""


@pytest.mark.parametrize("keys", [[], ["not-a-fernet-key"]])
def test_missing_or_malformed_keys_say_how_to_make_one(stored, settings, keys):
    settings.INQUIRY_ENCRYPTION_KEYS = keys

    with pytest.raises(ImproperlyConfigured, match="Fernet.generate_key"):
        Inquiry.objects.get().name
