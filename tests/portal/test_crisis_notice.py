"""Crisis help (988 call or text, 911) is at the top of every public page."""

import datetime

import pytest
from bs4 import BeautifulSoup

from portal.models import CrisisNotice
from tests.portal.factories import CrisisNoticeFactory

pytestmark = [pytest.mark.django_db]


def crisis_notice(response):
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.find("aside", class_="crisis-notice")
    assert notice is not None, "no crisis notice on the page"
    return notice


def numbers_linked(notice):
    return {a["href"] for a in notice.find_all("a")}


@pytest.mark.smoke
@pytest.mark.parametrize(
    "path, status",
    [
        ("/", 200),
        ("/about/", 200),
        ("/privacy/", 200),
        ("/es/", 200),
        ("/es/aviso-inexistente/", 404),
        ("/pl/", 200),
        ("/pl/o-nas/", 200),
        ("/no-such-page/", 404),
    ],
)
def test_every_page_shows_crisis_numbers(client, site_pages, crisis_notices, path, status):
    response = client.get(path)

    assert response.status_code == status
    notice = crisis_notice(response)
    assert {"tel:988", "tel:911"} <= numbers_linked(notice)
    # It comes first, before the header and the page's own content.
    assert notice.find_previous(["header", "main"]) is None


def test_notice_is_shown_in_the_visitors_language(client, homes, crisis_notices):
    for language, path in (("en", "/"), ("es", "/es/"), ("pl", "/pl/")):
        notice = crisis_notice(client.get(path))
        assert notice.find("h2").get_text(strip=True) == crisis_notices[language].heading, path
        assert crisis_notices[language].message in notice.get_text(" ", strip=True), path

    # The sentences around the numbers come from the site's own translations.
    assert "Zadzwoń lub wyślij SMS" in crisis_notice(client.get("/pl/")).get_text(" ", strip=True)


def test_language_without_its_own_notice_shows_the_english_one(client, homes):
    english = CrisisNoticeFactory(heading="Need help now?", crisis_line="988", emergency_number="911")

    notice = crisis_notice(client.get("/pl/"))

    assert notice.find("h2").get_text(strip=True) == english.heading
    assert {"tel:988", "tel:911"} <= numbers_linked(notice)


def test_numbers_edited_in_english_reach_every_translation(client, homes, crisis_notices):
    """Numbers are synchronised: translators never retype them."""
    from wagtail_localize.models import TranslationSource

    english = crisis_notices["en"]
    english.crisis_line = "1-800-273-8255"
    english.last_verified = datetime.date(2026, 11, 20)
    english.save()
    # What "Sync translated snippets" does in the admin.
    source, _ = TranslationSource.update_or_create_from_instance(english)
    for translation in source.translations.all():
        translation.save_target()

    for language in ("es", "pl"):
        translated = CrisisNotice.objects.get(locale__language_code=language)
        assert translated.crisis_line == "1-800-273-8255"
        assert translated.last_verified == datetime.date(2026, 11, 20)
        assert translated.heading == crisis_notices[language].heading  # the wording is kept
    notice = crisis_notice(client.get("/es/"))
    assert "tel:1-800-273-8255" in numbers_linked(notice)
    assert notice.find("h2").get_text(strip=True) == crisis_notices["es"].heading


def test_numbers_are_shown_even_when_no_notice_is_entered(client, homes):
    """A site with no notice entered (or one staff deleted) still tells
    visitors where to get help, in their language."""
    assert not CrisisNotice.objects.exists()

    notice = crisis_notice(client.get("/es/"))

    assert {"tel:988", "tel:911"} <= numbers_linked(notice)
    assert notice.find("h2").get_text(strip=True) == "¿Está en crisis?"
