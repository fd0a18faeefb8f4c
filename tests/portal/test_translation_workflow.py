"""A new translation stays a draft until a person reviews and publishes it,
and translators work only in their own language."""

import pytest
from wagtail.models import Locale
from wagtail_localize.operations import translate_object

from portal.roles import TRANSLATOR_GROUPS
from tests.portal.factories import StandardPageFactory, UserFactory, translate
from tests.portal.staff import sign_in

pytestmark = pytest.mark.django_db


def test_translating_a_live_page_creates_an_unpublished_draft(client, homes, admin_user):
    page = StandardPageFactory(parent=homes["en"], title="Parking and arrival", slug="parking")

    # What "Translate this page" in the admin does.
    translate_object(page, [Locale.objects.get(language_code="es")], user=admin_user)

    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    assert not spanish.live
    assert client.get("/es/parking/").status_code == 404
    assert client.get("/parking/").status_code == 200


@pytest.fixture
def spanish_translator(homes, roles):
    """A member of Translators (Spanish). ``roles`` is asked for after
    ``homes``: setup_roles grants translators the home pages that exist."""
    return UserFactory(username="translator-es", groups=[TRANSLATOR_GROUPS["es"]])


def edit_page_status(client, page):
    """200: the editor opens; "refused": sent back to the dashboard."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    if response.status_code == 302 and response["Location"] == "/admin/":
        return "refused"
    return response.status_code


def test_translators_may_only_edit_their_own_language(client, homes, spanish_translator):
    about = StandardPageFactory(parent=homes["en"], title="About us", slug="about")
    spanish_about = translate(about, "es", title="Quiénes somos", slug="quienes-somos")
    polish_about = translate(about, "pl", title="O nas", slug="o-nas")
    sign_in(client, spanish_translator)

    assert edit_page_status(client, homes["es"]) == 200
    assert edit_page_status(client, spanish_about) == 200
    for page in (homes["en"], about, homes["pl"], polish_about):
        assert edit_page_status(client, page) == "refused", page.url

    for page in (homes["es"], spanish_about):
        assert page.permissions_for_user(spanish_translator).can_publish()
    for page in (homes["en"], about, homes["pl"], polish_about):
        assert not page.permissions_for_user(spanish_translator).can_edit()
