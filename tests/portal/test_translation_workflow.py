"""A new translation stays a draft until a person reviews and publishes it."""

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from portal.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_translating_a_live_page_creates_an_unpublished_draft(client, demo_site, admin_user):
    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Parking and arrival", slug="parking", intro="Where to park.")
    home.add_child(instance=page)
    page.save_revision().publish()

    # What "Translate this page" in the admin does.
    translate_object(page, [Locale.objects.get(language_code="es")], user=admin_user)

    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    assert not spanish.live
    assert client.get("/es/parking/").status_code == 404
    assert client.get("/parking/").status_code == 200


def test_translators_may_only_edit_their_own_language(demo_site):
    from django.contrib.auth import get_user_model

    translator = get_user_model().objects.get(username="translator-es")
    spanish_home = HomePage.objects.get(locale__language_code="es")
    polish_home = HomePage.objects.get(locale__language_code="pl")
    english_home = HomePage.objects.get(locale__language_code="en")

    assert spanish_home.permissions_for_user(translator).can_edit()
    assert not polish_home.permissions_for_user(translator).can_edit()
    assert not english_home.permissions_for_user(translator).can_edit()
