"""A clinician's pages are explicit, and the admin shows them as theirs:
the explorer, page search and the dashboard list exactly what they may edit."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from approaches.ownership import sync_owner_permissions
from tests.portal.factories import translate
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def listed_titles(response):
    return {page.title for page in response.context["pages"]}


def test_explorer_shows_a_clinician_their_own_pages_only(client, reviewed_practice):
    p = reviewed_practice
    sign_in(client, p.clinician)

    approaches = client.get(reverse("wagtailadmin_explore", args=[p.index.pk]))
    clinicians = client.get(reverse("wagtailadmin_explore", args=[p.directory.pk]))

    assert listed_titles(approaches) == {"Play therapy"}
    assert listed_titles(clinicians) == {"Ana Example"}


def test_page_search_finds_only_their_pages(client, reviewed_practice):
    p = reviewed_practice
    sign_in(client, p.clinician)

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "a"})

    assert response.status_code == 200
    titles = {page.title for page in response.context["pages"]}
    assert "EMDR" not in titles and "Ben Sample" not in titles
    assert titles <= {"Play therapy", "Ana Example", "Our approaches", "Our clinicians", "CARE Counseling"}


def test_dashboard_lists_their_pages_and_availability(client, reviewed_practice, homes):
    p = reviewed_practice
    translate(p.index, "es")
    spanish_play = translate(p.play, "es", title="Terapia de juego")  # a translator's page

    html = sign_in(client, p.clinician).get("/admin/").content.decode()

    assert "Your pages" in html
    assert reverse("wagtailadmin_pages:edit", args=[p.play.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[p.ana.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[p.emdr.pk]) not in html
    assert "Terapia de juego" not in html
    assert spanish_play.maintainers.filter(pk=p.ana.pk).exists()  # copied along, yet not theirs


def test_clinicians_do_not_see_who_owns_what(client, reviewed_practice):
    """Only marketing assigns owners: the fields are not on a clinician's form."""
    p = reviewed_practice

    clinician_form = sign_in(client, p.clinician).get(reverse("wagtailadmin_pages:edit", args=[p.play.pk]))
    marketing_form = sign_in(client, p.marketer).get(reverse("wagtailadmin_pages:edit", args=[p.play.pk]))

    assert "maintainers" not in clinician_form.context["form"].fields
    assert "maintainers" in marketing_form.context["form"].fields


def test_ownership_follows_the_published_page(reviewed_practice):
    p = reviewed_practice
    group = Group.objects.get(name="Pages of ana")
    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {
        p.ana.pk, p.play.pk}

    p.play.maintainers.set([p.ben])
    p.play.save_revision().publish()  # marketing hands the page to Ben

    assert set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True)) == {p.ana.pk}
    ben = Group.objects.get(name="Pages of ben")
    assert set(GroupPagePermission.objects.filter(group=ben).values_list("page_id", flat=True)) == {
        p.ben.pk, p.play.pk}


def test_sync_is_idempotent(reviewed_practice):
    before = sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id"))

    sync_owner_permissions()
    sync_owner_permissions()

    assert sorted(GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")) == before
