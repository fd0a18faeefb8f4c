"""Visitors reach the home page in English, Spanish and Polish, each marked
with its language, linked to the others and showing crisis help."""

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.django_db, pytest.mark.smoke]

HOMES = {"en": "/", "es": "/es/", "pl": "/pl/"}
NATIVE_NAMES = {"en": "English", "es": "Español", "pl": "Polski"}


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", HOMES)
def test_home_page_is_in_its_language(client, demo_site, language):
    soup = soup_of(client, HOMES[language])

    assert soup.html["lang"] == language
    heading = soup.find("h1").get_text(strip=True)
    expected = {
        "en": "Counseling for children",
        "es": "Terapia para niños",
        "pl": "Terapia dla dzieci",
    }[language]
    assert heading.startswith(expected)


@pytest.mark.parametrize("language", HOMES)
def test_language_switcher_offers_every_language_by_its_own_name(client, demo_site, language):
    soup = soup_of(client, HOMES[language])

    switcher = soup.find("nav", class_="language-switcher")
    links = {a["lang"]: a for a in switcher.find_all("a")}
    assert {code: a.get_text(strip=True) for code, a in links.items()} == NATIVE_NAMES
    assert {code: a["href"] for code, a in links.items()} == HOMES
    assert [code for code, a in links.items() if a.get("aria-current")] == [language]


@pytest.mark.parametrize("language", HOMES)
def test_canonical_and_hreflang_links(client, demo_site, language):
    soup = soup_of(client, HOMES[language])

    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical.endswith(HOMES[language])
    assert canonical.startswith("http")
    alternates = {
        link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")
    }
    assert set(alternates) == {"en", "es", "pl", "x-default"}
    for code, path in HOMES.items():
        assert alternates[code].endswith(path) and alternates[code].startswith("http")
    assert alternates["x-default"] == alternates["en"]


def test_translated_page_links_to_its_own_translations(client, demo_site):
    soup = soup_of(client, "/es/privacidad/")

    assert soup.html["lang"] == "es"
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate")}
    assert alternates["en"].endswith("/privacy/")
    assert alternates["pl"].endswith("/pl/prywatnosc/")
    switcher = soup.find("nav", class_="language-switcher")
    assert switcher.find("a", lang="en")["href"] == "/privacy/"


def test_page_without_translation_links_other_languages_to_their_home(client, demo_site):
    from portal.models import HomePage, StandardPage

    home = HomePage.objects.get(locale__language_code="en")
    page = StandardPage(title="Only in English", slug="only-english", intro="Draft notice.")
    home.add_child(instance=page)
    page.save_revision().publish()

    soup = soup_of(client, "/only-english/")

    alternates = {link["hreflang"] for link in soup.find_all("link", rel="alternate")}
    assert alternates == {"en", "x-default"}
    switcher = soup.find("nav", class_="language-switcher")
    assert switcher.find("a", lang="es")["href"] == "/es/"


def test_header_shows_the_main_phone_from_site_settings(client, demo_site):
    soup = soup_of(client, "/")

    phone = soup.find(class_="site-header__phone").find("a")
    assert phone.get_text(strip=True) == "630-791-0444"
    assert phone["href"] == "tel:+16307910444"


def test_shared_links_get_a_title_description_and_image(client, demo_site, tmp_path):
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage

    from portal.models import CustomImage, StandardPage

    buffer = BytesIO()
    PILImage.new("RGB", (1600, 900), "teal").save(buffer, "JPEG")
    image = CustomImage.objects.create(title="Waiting room", file=ImageFile(buffer, name="room.jpg"))
    about = StandardPage.objects.get(slug="about", locale__language_code="en")
    about.listing_image = image
    about.save_revision().publish()

    soup = soup_of(client, "/about/")

    assert soup.find("meta", property="og:title")["content"] == "About us"
    assert soup.find("meta", property="og:url")["content"].endswith("/about/")
    assert soup.find("meta", property="og:image")["content"].endswith(".jpg")
