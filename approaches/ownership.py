"""Clinicians edit the pages they own, and only those.

Ownership is explicit on the pages: a clinician page names its clinician's
login (``ClinicianPage.user``) and an approach page lists its maintaining
clinicians (``ApproachPage.maintainers``). Each owner gets a personal group,
"Pages of <username>", holding Wagtail's "change" permission on exactly
those pages (English only; translators look after the other languages).
Because it is an ordinary page permission, the page explorer, page search,
the dashboard and every edit check agree on what a clinician may edit; no
publish, delete, add, move or lock permission is ever given.

``sync_owner_permissions`` runs when such a page is published, unpublished
or deleted, and from ``setup_roles``.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from approaches.models import ApproachPage, ClinicianPage

OWNER_GROUP_PREFIX = "Pages of "


def owned_pages_by_user():
    """{user id: set of page ids} from the pages' current rows."""
    owned = {}
    english = {"locale__language_code": settings.LANGUAGE_CODE}
    for user_id, page_id in ClinicianPage.objects.filter(user__isnull=False, **english).values_list("user", "pk"):
        owned.setdefault(user_id, set()).add(page_id)
    for user_id, page_id in (
        ApproachPage.objects.filter(maintainers__user__isnull=False, **english)
        .values_list("maintainers__user", "pk")
    ):
        owned.setdefault(user_id, set()).add(page_id)
    return owned


@transaction.atomic
def sync_owner_permissions():
    """Make every personal group hold exactly its owner's pages. Returns the
    number of owners."""
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    owned = owned_pages_by_user()
    users = get_user_model().objects.in_bulk(list(owned))
    seen_groups = set()
    for user_id, page_ids in owned.items():
        user = users[user_id]
        group, _ = Group.objects.get_or_create(name=f"{OWNER_GROUP_PREFIX}{user.get_username()}")
        group.user_set.add(user)
        seen_groups.add(group.pk)
        GroupPagePermission.objects.filter(group=group).exclude(page_id__in=page_ids, permission=change).delete()
        have = set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))
        GroupPagePermission.objects.bulk_create(
            [GroupPagePermission(group=group, page_id=page_id, permission=change) for page_id in page_ids - have]
        )
    # Someone who no longer owns anything keeps an empty group (so the
    # history stays readable) and no page permissions.
    GroupPagePermission.objects.filter(group__name__startswith=OWNER_GROUP_PREFIX).exclude(
        group__in=seen_groups
    ).delete()
    return len(owned)


def owns(user, page):
    """Whether ``user`` is named as the owner of ``page`` (any language)."""
    page = page.specific
    if isinstance(page, ClinicianPage):
        return page.user_id == user.pk
    if isinstance(page, ApproachPage):
        return page.maintainers.filter(user=user).exists()
    return False
