"""``manage.py reencrypt_inquiries``: after putting a new key first in
INQUIRY_ENCRYPTION_KEYS, rewrite every stored inquiry with it, so the old
key can be removed (README, "Rotating the encryption keys")."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from inquiries.encryption import EncryptedTextField, UndecryptableInquiry
from inquiries.models import Inquiry

BATCH = 200


def encrypted_fields():
    return [field.name for field in Inquiry._meta.concrete_fields if isinstance(field, EncryptedTextField)]


class Command(BaseCommand):
    help = "Re-encrypt stored inquiries with the newest key in INQUIRY_ENCRYPTION_KEYS."

    def handle(self, *args, **options):
        fields = encrypted_fields()
        ids = list(Inquiry.objects.order_by("pk").values_list("pk", flat=True))
        if not ids:
            self.stdout.write("No inquiries stored: nothing to re-encrypt.")
            return
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            with transaction.atomic():
                for inquiry in Inquiry.objects.select_for_update().filter(pk__in=batch):
                    try:
                        # Reading opens each value with whichever key fits; saving
                        # writes it with the newest key.
                        for name in fields:
                            setattr(inquiry, name, getattr(inquiry, name))
                    except UndecryptableInquiry as problem:
                        raise CommandError(
                            f"{problem} Nothing in this batch was changed; put the previous key back "
                            "in INQUIRY_ENCRYPTION_KEYS (after the new one) and run this again."
                        ) from None
                    inquiry.save(update_fields=fields)
            done = start + len(batch)
            self.stdout.write(f"  {done}/{len(ids)} inquiries re-encrypted ({100 * done // len(ids)}%)")
        self.stdout.write(self.style.SUCCESS(
            "Done. You can now remove the old key from INQUIRY_ENCRYPTION_KEYS and restart."
        ))
