"""Visitors reach the home page in English, Spanish and Polish, each marked
with its language, linked to the others and showing how to call the clinic."""

import pytest
from bs4 import BeautifulSoup

from portal.models import SiteSettings
from tests.portal.factories import StandardPageFactory, translate

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]

HOMES = {"en": "/", "es": "/es/", "pl": "/pl/"}
NATIVE_NAMES = {"en": "English", "es": "Español", "pl": "Polski"}


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def alternate_links(soup):
    return {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}


def switcher_links(soup):
    switcher = soup.find("nav", class_="language-switcher")
    return {a["lang"]: a for a in switcher.find_all("a")}


@pytest.mark.parametrize("language", HOMES)
def test_home_page_is_in_its_language(client, homes, language):
    soup = soup_of(client, HOMES[language])

    assert soup.html["lang"] == language
    assert soup.find("h1").get_text(strip=True) == homes[language].heading


@pytest.mark.parametrize("language", HOMES)
def test_page_titles_name_the_practice_once(client, site_pages, language):
    assert soup_of(client, HOMES[language]).title.string == "CARE Counseling"
    about = site_pages.about[language]
    assert soup_of(client, about.url).title.string == f"{about.title} | CARE Counseling"


@pytest.mark.parametrize("language", HOMES)
def test_language_switcher_offers_every_language_by_its_own_name(client, homes, language):
    links = switcher_links(soup_of(client, HOMES[language]))

    assert {code: a.get_text(strip=True) for code, a in links.items()} == NATIVE_NAMES
    assert {code: a["href"] for code, a in links.items()} == HOMES
    assert [code for code, a in links.items() if a.get("aria-current")] == [language]


@pytest.mark.parametrize("language", HOMES)
def test_canonical_and_hreflang_links(client, homes, language):
    soup = soup_of(client, HOMES[language])

    assert soup.find("link", rel="canonical")["href"] == "http://testserver" + HOMES[language]
    alternates = alternate_links(soup)
    assert alternates == {
        "en": "http://testserver/",
        "es": "http://testserver/es/",
        "pl": "http://testserver/pl/",
        "x-default": "http://testserver/",
    }


def test_translated_page_links_to_its_own_translations(client, homes):
    privacy = StandardPageFactory(parent=homes["en"], title="Privacy notice", slug="privacy")
    translate(privacy, "es", title="Aviso de privacidad", slug="privacidad")
    translate(privacy, "pl", title="Informacja o prywatności", slug="prywatnosc")

    soup = soup_of(client, "/es/privacidad/")

    assert soup.html["lang"] == "es"
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/es/privacidad/"
    alternates = alternate_links(soup)
    assert alternates["en"] == "http://testserver/privacy/"
    assert alternates["pl"] == "http://testserver/pl/prywatnosc/"
    assert alternates["x-default"] == alternates["en"]
    links = switcher_links(soup)
    assert {code: a["href"] for code, a in links.items()} == {
        "en": "/privacy/", "es": "/es/privacidad/", "pl": "/pl/prywatnosc/",
    }


def test_page_without_translation_links_other_languages_to_their_home(client, homes):
    StandardPageFactory(parent=homes["en"], title="Only in English", slug="only-english")

    soup = soup_of(client, "/only-english/")

    assert set(alternate_links(soup)) == {"en", "x-default"}
    links = switcher_links(soup)
    assert {code: a["href"] for code, a in links.items()} == {"en": "/only-english/", "es": "/es/", "pl": "/pl/"}


def test_draft_translation_is_not_offered_to_visitors(client, homes):
    """Until a translator publishes it, a translation is neither linked nor announced."""
    page = StandardPageFactory(parent=homes["en"], title="Parking", slug="parking")
    translate(page, "es", live=False, title="Estacionamiento", slug="estacionamiento")

    soup = soup_of(client, "/parking/")

    assert "es" not in alternate_links(soup)
    assert switcher_links(soup)["es"]["href"] == "/es/"


def test_header_shows_the_main_phone_from_site_settings(client, home):
    phone = soup_of(client, "/").find(class_="site-header__phone").find("a")
    assert phone.get_text(strip=True) == "630-791-0444"
    assert phone["href"] == "tel:+16307910444"

    settings = SiteSettings.for_site(home.get_site())
    settings.main_phone = "(630) 555-0199"
    settings.save()

    soup = soup_of(client, "/")
    phone = soup.find(class_="site-header__phone").find("a")
    assert phone.get_text(strip=True) == "(630) 555-0199"
    assert phone["href"] == "tel:+16305550199"
    footer_phone = soup.find("footer").find("a", href="tel:+16305550199")
    assert footer_phone.get_text(strip=True) == "(630) 555-0199"


def test_shared_links_get_a_title_description_and_image(client, home):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    from portal.models import CustomImage

    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), "teal").save(buffer, "JPEG")
    image = CustomImage.objects.create(title="Waiting room", file=ImageFile(buffer, name="room.jpg"))
    StandardPageFactory(
        parent=home, title="About us", slug="about",
        search_description="Who we are and whom we see.", listing_image=image,
    )

    soup = soup_of(client, "/about/")

    assert soup.find("meta", property="og:title")["content"] == "About us"
    assert soup.find("meta", property="og:url")["content"] == "http://testserver/about/"
    assert soup.find("meta", property="og:description")["content"] == "Who we are and whom we see."
    # The image in the size link previews ask for, at an absolute address.
    [rendition] = image.renditions.all()
    assert (rendition.width, rendition.height) == (1200, 630)
    assert soup.find("meta", property="og:image")["content"] == "http://testserver" + rendition.url
