"""``python manage.py verify_migration_history``: refuse a database made by
an earlier, unreleased version whose migrations were rewritten since.

``make demo`` runs it before ``migrate``. Such a database (an old ``var/``)
records migrations of the project's apps that no longer exist; migrating it
would end in a traceback halfway through loading the demo, so this stops
first and says in one line how to start afresh.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader


def project_apps():
    """The labels of the apps in this repository (not installed packages)."""
    return {
        config.label for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(settings.BASE_DIR) and "site-packages" not in config.path
    }


class Command(BaseCommand):
    help = "Stop if the database records project migrations that no longer exist."

    def handle(self, *args, **options):
        loader = MigrationLoader(connections[DEFAULT_DB_ALIAS], ignore_no_migrations=True)
        ours = project_apps()
        unknown = sorted(
            f"{app}.{name}" for app, name in loader.applied_migrations
            if app in ours and (app, name) not in loader.disk_migrations
        )
        if unknown:
            raise CommandError(
                f"This database was made by an earlier version of the portal (it records "
                f"{', '.join(unknown)}, which no longer exist): start afresh with "
                "`rm -rf var && make demo`."
            )
