"""``python manage.py reset_two_factor <username>``: for a lost phone.

Removes the person's authenticator app and recovery codes. At their next
sign-in (password only) they set up two-factor authentication afresh, or,
if their role does not need it, simply sign in without it. A session that
was verified with the removed app counts as unverified from then on.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal import two_factor


class Command(BaseCommand):
    help = "Remove a user's two-factor devices (authenticator app and recovery codes) after a lost phone."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No user is called {username!r}.") from None
        removed = two_factor.forget(user)
        self.stdout.write(self.style.SUCCESS(
            f"Removed {removed} two-factor device(s) of {username}. They set it up again at their next sign-in."
        ))
