"""Encryption at rest for what visitors tell us: names, addresses, notes.

The keys are Fernet keys in INQUIRY_ENCRYPTION_KEYS, newest first, and have
nothing to do with SECRET_KEY: rotating Django's signing key never locks the
inquiries away. The newest key encrypts; every key decrypts (MultiFernet),
which is how keys are rotated (README, "Rotating the encryption keys").

A value is decrypted when it is read, by the field's descriptor, which knows
the row it belongs to. A value no configured key opens raises
``UndecryptableInquiry`` naming that row; the ciphertext is never handed out
as if it were the name.
"""

import functools

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models.query_utils import DeferredAttribute

KEY_HELP = (
    "Generate one with: python -c \"from cryptography.fernet import Fernet; "
    "print(Fernet.generate_key().decode())\""
)


class UndecryptableInquiry(Exception):
    """A stored value that none of the configured keys can open."""

    def __init__(self, row, field_name):
        self.row = row
        self.field_name = field_name
        super().__init__(
            f"{row}: its {field_name} cannot be decrypted with the keys in INQUIRY_ENCRYPTION_KEYS. "
            "Add the key it was written with (README, 'Rotating the encryption keys')."
        )


@functools.cache
def _multi_fernet(keys):
    fernets = []
    for position, key in enumerate(keys, start=1):
        try:
            fernets.append(Fernet(key))
        except (ValueError, TypeError):
            raise ImproperlyConfigured(
                f"Key {position} in INQUIRY_ENCRYPTION_KEYS is not a Fernet key. {KEY_HELP}"
            ) from None
    return MultiFernet(fernets)


def cipher():
    """The MultiFernet for the configured keys (built once per set of keys)."""
    keys = tuple(settings.INQUIRY_ENCRYPTION_KEYS)
    if not keys:
        raise ImproperlyConfigured(f"INQUIRY_ENCRYPTION_KEYS is empty. {KEY_HELP}")
    return _multi_fernet(keys)


def encrypt(text):
    return cipher().encrypt(text.encode()).decode()


class Sealed:
    """A value as stored: ciphertext not opened yet."""

    __slots__ = ("token",)

    def __init__(self, token):
        self.token = token

    def __repr__(self):
        return "<Sealed value>"

    def __str__(self):
        return "[encrypted]"


class DecryptingAttribute(DeferredAttribute):
    """Opens the stored value on first read and keeps the plain text on the
    instance. A value no key opens raises UndecryptableInquiry for the row.

    A data descriptor (it has ``__set__``), so every read comes through here,
    unlike Django's DeferredAttribute, which the instance's value hides."""

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = value

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None or not isinstance(value, Sealed):
            return value
        try:
            plain = cipher().decrypt(value.token.encode()).decode()
        except InvalidToken:
            raise UndecryptableInquiry(instance, self.field.name) from None
        instance.__dict__[self.field.attname] = plain
        return plain


class EncryptedTextField(models.TextField):
    """Text stored Fernet-encrypted. Empty text is stored as NULL and read as "".

    ``max_length`` limits the plain text in forms; the column holds the longer
    ciphertext. Encrypted values cannot be searched or filtered on.
    """

    descriptor_class = DecryptingAttribute

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return "" if value is None else Sealed(value)

    def get_prep_value(self, value):
        if isinstance(value, Sealed):  # never opened: store it as it was
            return value.token
        if value is None or value == "":
            return None
        return encrypt(str(value))

    def to_python(self, value):
        return value

    def value_to_string(self, obj):
        return ""  # serialisers never see the contents
