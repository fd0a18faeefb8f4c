"""The Celery app. ``portal/__init__.py`` imports it so that the web process
publishes to the configured broker."""

import os

from celery import Celery

from portal import filesystem_broker

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# filesystem:// (the embedded demo's broker) gets atomic message writes.
filesystem_broker.register()

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
