"""hreflang and the language switcher on every page type: absolute URLs,
each page lists itself and its live translations, the lists agree from
every side, x-default is English; untranslated pages and alias copies are
left out, and the switcher then goes to that language's home page."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db


def head_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
    canonical = soup.find("link", rel="canonical")
    switcher = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    return alternates, canonical["href"] if canonical else None, switcher


def live_pages():
    return [page for page in Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).specific()
            if page.url]


def test_hreflang_is_absolute_self_listing_and_reciprocal_on_every_page_type(client, blog_in_three_languages):
    pages = live_pages()
    assert {type(page).__name__ for page in pages} >= {
        "HomePage", "LocationIndexPage", "LocationPage", "ApproachIndexPage", "ApproachPage",
        "ClinicianIndexPage", "ClinicianPage", "BlogIndexPage", "ArticlePage",
    }
    for page in pages:
        alternates, canonical, _switcher = head_links(client, page.url)
        expected = {
            translation.locale.language_code: "http://testserver" + translation.url
            for translation in page.get_translations(inclusive=True).live().filter(alias_of__isnull=True)
        }
        expected["x-default"] = expected["en"] if "en" in expected else None
        expected = {code: url for code, url in expected.items() if url}
        assert alternates == expected, page.url
        assert canonical == "http://testserver" + page.url
        for code, url in alternates.items():
            if code != "x-default":
                assert head_links(client, url.removeprefix("http://testserver"))[0] == alternates, (page.url, url)


def test_an_untranslated_page_has_no_hreflang_and_switches_to_the_other_homes(client, blog_in_three_languages):
    english_only = blog_in_three_languages.school  # not translated
    alternates, canonical, switcher = head_links(client, english_only.url)

    assert alternates == {"en": "http://testserver" + english_only.url,
                          "x-default": "http://testserver" + english_only.url}
    assert switcher == {"en": english_only.url, "es": "/es/", "pl": "/pl/"}


def test_an_alias_copy_is_neither_a_translation_nor_a_switcher_target(client, blog_in_three_languages):
    english_only = blog_in_three_languages.school
    spanish_index = blog_in_three_languages.translated["es"]["index"]
    alias = english_only.create_alias(parent=spanish_index, update_locale=Locale.objects.get(language_code="es"))

    alternates, _canonical, switcher = head_links(client, english_only.url)
    assert "es" not in alternates
    assert switcher["es"] == "/es/"

    alias_alternates, alias_canonical, _switcher = head_links(client, alias.url)
    assert alias_canonical == "http://testserver" + english_only.url
    assert "es" not in alias_alternates


@pytest.mark.parametrize("language,path", [("en", "/search/"), ("es", "/es/buscar/"), ("pl", "/pl/szukaj/")])
def test_the_search_page_switches_to_search_in_each_language(client, homes, language, path):
    alternates, canonical, switcher = head_links(client, path + "?q=play")

    assert switcher == {"en": "/search/", "es": "/es/buscar/", "pl": "/pl/szukaj/"}
    assert canonical == "http://testserver" + path
