"""``manage.py reencrypt_inquiries``: after rotating SECRET_KEY or the salts,
rewrite every stored inquiry with the newest key (see README, "Rotating the
encryption keys")."""

from cryptography.fernet import InvalidToken
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from encrypted_fields.fields import EncryptedFieldMixin

from locations.models import Inquiry

BATCH = 200


def encrypted_fields():
    return [field.name for field in Inquiry._meta.concrete_fields if isinstance(field, EncryptedFieldMixin)]


class Command(BaseCommand):
    help = "Re-encrypt stored inquiries with the current key, after a key rotation."

    def handle(self, *args, **options):
        fields = encrypted_fields()
        ids = list(Inquiry.objects.order_by("pk").values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No inquiries stored: nothing to re-encrypt.")
            return
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            with transaction.atomic():
                self._check_readable(batch, fields)
                for inquiry in Inquiry.objects.select_for_update().filter(pk__in=batch):
                    inquiry.save(update_fields=fields)
            done = start + len(batch)
            self.stdout.write(f"  {done}/{len(ids)} inquiries re-encrypted ({100 * done // len(ids)}%)")
        self.stdout.write(self.style.SUCCESS(
            "Done. You can now remove the old key from SECRET_KEY_FALLBACKS (or the old salt)."
        ))

    def _check_readable(self, batch, fields):
        """Decrypt the stored columns with the configured keys. The library
        hands back the ciphertext when no key fits; saving that would encrypt
        it twice and lose the contact details for good."""
        stored = Inquiry.objects.filter(pk__in=batch).values_list("reference", *fields)
        # values_list() decrypts too, so read the raw columns through a plain cursor.
        sql, params = stored.query.sql_with_params()
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            for reference, *values in cursor.fetchall():
                for name, value in zip(fields, values):
                    if value is None:
                        continue
                    try:
                        Inquiry._meta.get_field(name).f.decrypt(value.encode())
                    except InvalidToken:
                        raise CommandError(
                            f"Inquiry {reference} cannot be decrypted with the configured keys. "
                            "Put the previous SECRET_KEY in SECRET_KEY_FALLBACKS (or the previous "
                            "salt in FIELD_ENCRYPTION_SALTS) and run this again. Nothing in this "
                            "batch was changed."
                        ) from None
