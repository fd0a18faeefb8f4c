"""The site-wide admin roles of PRODUCT.md as Wagtail groups.

``manage.py setup_roles`` creates them, on a new deployment and again after
each release (it is safe to run any number of times); ``load_demo`` runs it
too. Apps add their own roles and permissions in a ``roles`` module with
``ORDER`` and ``ensure(progress)``, run after this one (for example the
inquiries app's intake staff).
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from portal.models import HomePage

ORDER = 0

MARKETING = "Marketing"
CLINICIANS = "Clinicians"
CLINICAL_REVIEWERS = "Clinical reviewers"
TRANSLATOR_GROUPS = {"es": "Translators (Spanish)", "pl": "Translators (Polish)"}
LANGUAGE_NAMES = {"es": "Spanish", "pl": "Polish"}

ADMIN_ACCESS = ("wagtailadmin", "access_admin")

MARKETING_PERMISSIONS = [
    ADMIN_ACCESS,
    ("portal", "add_crisisnotice"),
    ("portal", "change_crisisnotice"),
    ("portal", "change_sitesettings"),
    ("portal", "change_imagedescription"),
    ("wagtailredirects", "add_redirect"),
    ("wagtailredirects", "change_redirect"),
    ("wagtailredirects", "delete_redirect"),
    ("wagtail_localize", "submit_translation"),
]
# Images and documents are permitted per collection (Wagtail checks the base
# Image and Document models' permissions there, not the custom image model's).
MARKETING_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtailimages", "delete_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtaildocs", "delete_document"),
]
# Editors of some pages choose existing images and documents for them.
CHOOSER_COLLECTION_PERMISSIONS = [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
TRANSLATOR_PERMISSIONS = [ADMIN_ACCESS]
MARKETING_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def ensure_group(name, permissions=()):
    """The group called ``name``, holding at least ``permissions``
    ((app label, codename) pairs). Nothing is ever taken away."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(*[
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in permissions
    ])
    return group


def grant_collections(group, permissions):
    """``permissions`` on every collection (granted on the root collection)."""
    root = Collection.get_first_root_node()
    for app_label, codename in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=root,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )


def grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )


def ensure(progress):
    marketing = ensure_group(MARKETING, MARKETING_PERMISSIONS)
    grant_pages(marketing, Page.get_first_root_node(), MARKETING_PAGE_PERMISSIONS)
    grant_collections(marketing, MARKETING_COLLECTION_PERMISSIONS)
    progress(f"{MARKETING}: every page, settings, redirects, the crisis notice, images and documents")

    for name in (CLINICIANS, CLINICAL_REVIEWERS):
        grant_collections(ensure_group(name, [ADMIN_ACCESS]), CHOOSER_COLLECTION_PERMISSIONS)
    progress(f"{CLINICIANS}, {CLINICAL_REVIEWERS}: admin access (their pages come from the approaches app)")

    # Translators work only inside their own language's tree.
    for code, name in TRANSLATOR_GROUPS.items():
        group = ensure_group(name, TRANSLATOR_PERMISSIONS)
        grant_collections(group, CHOOSER_COLLECTION_PERMISSIONS)
        home = HomePage.objects.filter(locale__language_code=code, depth=2).first()
        if home is None:
            progress(f"{name}: no {LANGUAGE_NAMES[code]} home page yet; run setup_roles again "
                     "after creating it, to let them edit its pages")
            continue
        grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS)
        progress(f"{name}: the pages under {home.url_path}")
