"""``python manage.py setup_roles``: create the admin roles and their permissions.

Run it after ``migrate`` on every deployment (README, "Deploying"); running
it again adds what is missing and changes nothing else. Each app's ``roles``
module adds its own roles (``portal.app_modules``).
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.app_modules import app_modules


class Command(BaseCommand):
    help = "Create the admin roles (groups) and grant their permissions. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            for module in app_modules("roles"):
                module.ensure(lambda message: self.stdout.write(f"  {message}"))
        self.stdout.write(self.style.SUCCESS(
            "Roles are set up. Give people a role under Settings > Users (and intake staff their "
            "offices under Settings > Intake assignments)."
        ))
