"""The Spanish translator's day, in Chromium: the dashboard queue shows an
out-of-date page; they machine-translate it (a local fake DeepL), correct
one segment and publish; visitors get the new Spanish page and the queue
no longer lists it."""

import pytest
from django.core.management import call_command
from wagtail.rich_text import RichText

from portal.roles import TRANSLATOR_GROUPS
from tests.harness.browser import axe_violations
from tests.portal.factories import StandardPageFactory, UserFactory, translate
from tests.portal.fake_deepl import KEY, FakeDeepL
from tests.portal.staff import sign_in_in_browser
from tests.translations.conftest import body
from tests.translations.factories import translate_through_localize

pytestmark = [pytest.mark.browser, pytest.mark.slow]

NEW_PARAGRAPH = "Bikes go in the rack by the side door."
CORRECTED = "Las bicicletas van en el soporte junto a la puerta lateral."


@pytest.fixture
def fake_deepl(settings):
    fake = FakeDeepL().start()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": KEY, "API_URL": fake.url},
    }
    yield fake
    fake.stop()


@pytest.fixture
def out_of_date_parking(live_home):
    spanish_home = translate(live_home, "es", title="CARE Counseling", heading="Terapia para todas las edades")
    translate(live_home, "pl", title="CARE Counseling", heading="Terapia w każdym wieku")
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    english = StandardPageFactory(parent=live_home, title="Parking and arrival", slug="parking",
                                  intro="Park behind the building.", body=body("The door code is on your reminder."))
    spanish = translate_through_localize(english, "es")
    english.body.append(("paragraph", RichText(f"<p>{NEW_PARAGRAPH}</p>")))
    english.save_revision().publish()
    return {"en": english, "es": spanish, "es_home": spanish_home}


def test_spanish_translator_machine_translates_corrects_and_publishes(
    live_server, out_of_date_parking, fake_deepl, browser_page
):
    page, base = browser_page, live_server.url
    spanish = out_of_date_parking["es"]
    translator = UserFactory(username="traductora", groups=[TRANSLATOR_GROUPS["es"]])
    page.goto(base + spanish.url)
    assert "Traducido de la versión en inglés" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    sign_in_in_browser(page, base, translator)

    # The queue on the dashboard lists the page as out of date.
    page.goto(base + "/admin/")
    queue = page.locator("section", has=page.locator("#translation-queue-heading"))
    row = queue.locator('tr[data-queue-state="out-of-date"]', has_text="Parking and arrival")
    assert "1 segment added" in row.inner_text()
    row.get_by_role("link").click()
    page.wait_for_url(f"**/admin/pages/{spanish.pk}/edit/")

    # Machine translation fills the new segment as a draft.
    page.get_by_role("button", name="Translate with DeepL").click()
    page.wait_for_load_state()
    assert "Successfully translated with DeepL" in page.content()
    assert fake_deepl.requests, "the fake DeepL server was not asked"
    segment = page.locator("li", has_text=NEW_PARAGRAPH).last
    assert "[ES]" in segment.inner_text()

    # The translator corrects the machine's wording, then publishes.
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(CORRECTED)
    segment.get_by_role("button", name="Save").click()
    segment.get_by_text(CORRECTED).wait_for()
    with page.expect_navigation():
        page.get_by_role("button", name="Publish in Spanish").click()

    # Visitors get the corrected Spanish page, without the out-of-date note.
    public = page.goto(base + spanish.url)
    assert public.status == 200
    text = page.locator("main").inner_text()
    assert CORRECTED in text
    assert "Traducido de la versión en inglés" not in text

    # And the queue no longer lists it.
    page.goto(base + "/admin/")
    assert page.locator('tr[data-queue-state="out-of-date"]').count() == 0
