"""Keep derived admin state in step with the pages (connected in apps.py).

Ownership permissions follow the published pages; a clinician page gets its
availability row when it is first published. A clinician's answer about
new clients shows on pages at once, so it purges the page cache."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished

from approaches.models import ApproachPage, Availability, ClinicianPage
from approaches.ownership import sync_owner_permissions
from portal import page_cache


def ownership_changed(sender, instance, **kwargs):
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        sync_owner_permissions()


def clinician_published(sender, instance, **kwargs):
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        Availability.objects.get_or_create(clinician=instance, defaults={"status": ""})
        sync_owner_permissions()


def connect():
    for model in (ApproachPage, ClinicianPage):
        page_unpublished.connect(ownership_changed, sender=model, dispatch_uid=f"own-unpublish-{model.__name__}")
        post_delete.connect(ownership_changed, sender=model, dispatch_uid=f"own-delete-{model.__name__}")
    page_published.connect(ownership_changed, sender=ApproachPage, dispatch_uid="own-publish-approach")
    page_published.connect(clinician_published, sender=ClinicianPage, dispatch_uid="own-publish-clinician")
    post_save.connect(page_cache.purge_after_commit, sender=Availability, dispatch_uid="availability-purges-pages")
