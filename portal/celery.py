"""The Celery app. ``portal/__init__.py`` imports it so that the web process
publishes to the configured broker."""

import os

from celery import Celery
from kombu.transport import TRANSPORT_ALIASES

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

# filesystem:// (the embedded demo's broker) gets atomic message writes.
TRANSPORT_ALIASES["filesystem"] = "portal.filesystem_broker:Transport"

app = Celery("portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
