"""Crisis help (988 call or text, 911) is at the top of every public page."""

import datetime

import pytest
from bs4 import BeautifulSoup

from portal.models import CrisisNotice

pytestmark = [pytest.mark.django_db]


def crisis_notice(response):
    soup = BeautifulSoup(response.content, "html.parser")
    notice = soup.find("aside", class_="crisis-notice")
    assert notice is not None, "no crisis notice on the page"
    return notice


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
def test_every_page_shows_crisis_numbers(client, demo_site, path, status):
    response = client.get(path)

    assert response.status_code == status
    notice = crisis_notice(response)
    hrefs = {a["href"] for a in notice.find_all("a")}
    assert {"tel:988", "tel:911"} <= hrefs


def test_notice_is_shown_in_the_visitors_language(client, demo_site):
    heading = crisis_notice(client.get("/es/")).find("h2").get_text(strip=True)
    assert heading == "¿Está en crisis?"
    text = crisis_notice(client.get("/pl/")).get_text(" ", strip=True)
    assert "Zadzwoń lub wyślij SMS" in text


def test_numbers_edited_in_english_reach_every_translation(client, demo_site):
    """Numbers are synchronised: translators never retype them."""
    from wagtail_localize.models import TranslationSource

    english = CrisisNotice.objects.get(locale__language_code="en")
    english.crisis_line = "1-800-273-8255"
    english.last_verified = datetime.date(2026, 11, 20)
    english.save()
    source, _ = TranslationSource.update_or_create_from_instance(english)
    for translation in source.translations.all():
        translation.save_target()

    spanish = CrisisNotice.objects.get(locale__language_code="es")
    assert spanish.crisis_line == "1-800-273-8255"
    assert spanish.last_verified == datetime.date(2026, 11, 20)
    assert spanish.heading == "¿Está en crisis?"


def test_numbers_are_shown_even_when_no_notice_is_entered(client, demo_site):
    """A site whose staff deleted the notice still tells visitors where to get help."""
    CrisisNotice.objects.all().delete()

    response = client.get("/es/")

    notice = crisis_notice(response)
    assert {"tel:988", "tel:911"} <= {a["href"] for a in notice.find_all("a")}
