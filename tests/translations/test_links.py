"""Links inside a translated page lead to the same language's page when it
exists, and to the original otherwise."""

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from tests.portal.factories import StandardPageFactory
from tests.translations.factories import translate_through_localize

pytestmark = pytest.mark.django_db


def link_targets(client, url, text):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [a["href"] for a in soup.select("main a") if text in a.get_text()]


def test_a_link_in_a_translated_page_goes_to_that_languages_page(client, site_pages):
    privacy = site_pages.privacy
    fees = StandardPageFactory(parent=site_pages.homes["en"], title="Fees", slug="fees")
    english = StandardPageFactory(
        parent=site_pages.homes["en"], title="First visit", slug="first-visit",
        body=[("paragraph", RichText(
            f'<p>Read our <a linktype="page" id="{privacy["en"].pk}">privacy notice</a> and '
            f'<a linktype="page" id="{fees.pk}">fees</a>.</p>'
        ))],
    )
    spanish = translate_through_localize(english, "es")

    assert link_targets(client, spanish.url, "privacy notice") == [privacy["es"].url]
    assert link_targets(client, spanish.url, "fees") == [fees.url]  # no Spanish page yet: the English one
    assert link_targets(client, english.url, "privacy notice") == [privacy["en"].url]
