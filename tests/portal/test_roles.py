"""`manage.py setup_roles` gives a new deployment every role of PRODUCT.md,
and running it again after each release changes nothing."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission

from portal import roles

pytestmark = pytest.mark.django_db


def setup_roles():
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted((group.name, permission.content_type.app_label, permission.codename)
               for group in Group.objects.all() for permission in group.permissions.all()),
        sorted(GroupPagePermission.objects.values_list("group__name", "page__url_path", "permission__codename")),
    )


def test_every_role_is_created_with_what_it_may_do(homes):
    setup_roles()

    assert set(Group.objects.values_list("name", flat=True)) >= {
        roles.MARKETING, roles.CLINICIANS, roles.CLINICAL_REVIEWERS, *roles.TRANSLATOR_GROUPS.values(), "Intake",
    }
    intake = Group.objects.get(name="Intake")
    assert {p.codename for p in intake.permissions.all()} >= {
        "access_admin", "view_inquiry", "change_inquiry", "resend_inquiry_notices",
    }
    assert not intake.permissions.filter(codename="delete_inquiry").exists()
    marketing = Group.objects.get(name=roles.MARKETING)
    assert marketing.permissions.filter(codename="change_inquirysettings").exists()
    spanish = Group.objects.get(name=roles.TRANSLATOR_GROUPS["es"])
    assert set(GroupPagePermission.objects.filter(group=spanish).values_list("page", flat=True)) == {homes["es"].pk}


def test_running_it_again_changes_nothing(homes):
    setup_roles()
    before = snapshot()

    setup_roles()

    assert snapshot() == before


def test_before_a_language_has_pages_it_says_to_run_it_again(home):
    output = setup_roles()

    assert "no Spanish home page yet; run setup_roles again" in output
    assert not GroupPagePermission.objects.filter(group__name=roles.TRANSLATOR_GROUPS["es"]).exists()
