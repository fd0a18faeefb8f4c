"""The admin roles of PRODUCT.md as Wagtail groups.

Site-wide permissions are granted here; each app adds its own when it
arrives (for example intake staff's access to inquiries).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

MARKETING = "Marketing"
CLINICIANS = "Clinicians"
CLINICAL_REVIEWERS = "Clinical reviewers"
INTAKE = "Intake"
TRANSLATOR_GROUPS = {"es": "Translators (Spanish)", "pl": "Translators (Polish)"}

ADMIN_ACCESS = ("wagtailadmin", "access_admin")

MARKETING_PERMISSIONS = [
    ADMIN_ACCESS,
    ("portal", "add_crisisnotice"),
    ("portal", "change_crisisnotice"),
    ("portal", "change_sitesettings"),
    ("portal", "add_customimage"),
    ("portal", "change_customimage"),
    ("portal", "choose_customimage"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtail_localize", "submit_translation"),
]
TRANSLATOR_PERMISSIONS = [ADMIN_ACCESS, ("portal", "choose_customimage")]
MARKETING_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def ensure_roles(language_roots):
    """Create the groups and grant what each may do. Safe to run again.

    ``language_roots`` maps language codes to that language's home page.
    """
    groups = {}
    marketing, _ = Group.objects.get_or_create(name=MARKETING)
    marketing.permissions.add(*_permissions(MARKETING_PERMISSIONS))
    _grant_pages(marketing, Page.get_first_root_node(), MARKETING_PAGE_PERMISSIONS)
    groups[MARKETING] = marketing

    for name in (CLINICIANS, CLINICAL_REVIEWERS, INTAKE):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions([ADMIN_ACCESS]))
        groups[name] = group

    # Translators work only inside their own language's tree.
    for code, name in TRANSLATOR_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(TRANSLATOR_PERMISSIONS))
        if code in language_roots:
            _grant_pages(group, language_roots[code], TRANSLATOR_PAGE_PERMISSIONS)
        groups[name] = group
    return groups
