"""Load the demo clinic: ``python manage.py load_demo``.

Each app may provide a ``demo`` module with ``ORDER`` and ``load(progress)``;
they run in ORDER, site-wide content first. Running the command again adds
only what is missing and changes nothing else.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.app_modules import app_modules
from portal.demo import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Create the demo clinic (pages in three languages, settings, roles, demo logins)."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError(
                "load_demo creates logins with a published password, so it only runs with the dev "
                "or test settings. Use DJANGO_SETTINGS_MODULE=portal.settings.dev."
            )
        started = time.monotonic()
        modules = app_modules("demo")
        total_created = 0
        all_logins = []
        for number, module in enumerate(modules, start=1):
            label = module.__name__.removesuffix(".demo")
            self.stdout.write(f"[{number}/{len(modules)}] {label}")

            def progress(message):
                self.stdout.write(f"    {message}")

            created, logins = module.load(progress)
            total_created += created
            all_logins.extend(logins)

        elapsed = time.monotonic() - started
        if total_created:
            self.stdout.write(self.style.SUCCESS(f"Demo loaded: {total_created} new items in {elapsed:.1f}s."))
        else:
            self.stdout.write(self.style.SUCCESS("Demo already loaded: nothing to add."))
        self._print_logins(all_logins)

    def _print_logins(self, logins):
        self.stdout.write("")
        self.stdout.write(f"Demo logins at http://127.0.0.1:8000/admin/ (password: {DEMO_PASSWORD})")
        for username, what in logins:
            self.stdout.write(f"    {username:<15} {what}")
