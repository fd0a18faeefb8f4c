"""Site-wide periodic work run by Celery beat."""

from celery import shared_task
from django.core.management import call_command


@shared_task
def publish_scheduled_pages():
    """Publish pages whose "go live" time has come, unpublish expired ones."""
    call_command("publish_scheduled", verbosity=0)


@shared_task
def clear_expired_sessions():
    """Daily: delete expired sessions, so signed-in staff leave nothing behind."""
    call_command("clearsessions", verbosity=0)
