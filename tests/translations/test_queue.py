"""The dashboard's translation queue: each translator sees their language's
untranslated, in-progress and out-of-date pages; Marketing sees all."""

import pytest
from bs4 import BeautifulSoup
from wagtail.rich_text import RichText

from tests.portal.factories import StandardPageFactory, UserFactory
from tests.portal.staff import sign_in
from tests.translations.factories import translate_remaining, translate_through_localize

pytestmark = pytest.mark.django_db


def queue_rows(client):
    """{language heading: [(title, state, details)]} from the dashboard."""
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    panel = soup.find(id="translation-queue-heading")
    if panel is None:
        return None
    rows = {}
    for heading in panel.find_parent("section").find_all("h3"):
        table = heading.find_next_sibling("table")
        rows[heading.get_text(strip=True)] = [
            tuple(cell.get_text(" ", strip=True) for cell in row.find_all("td"))
            for row in (table.find("tbody").find_all("tr") if table else [])
        ]
    return rows


def test_a_translator_sees_their_languages_queue_and_it_empties_when_done(client, parking, spanish_translator):
    StandardPageFactory(parent=parking["en"].get_parent(), title="Fees and insurance", slug="fees")
    half_done = StandardPageFactory(parent=parking["en"].get_parent(), title="Groups", slug="groups")
    translate_through_localize(half_done, "es", publish=False)
    parking["en"].body.append(("paragraph", RichText("<p>Bikes go in the rack.</p>")))
    parking["en"].save_revision().publish()
    sign_in(client, spanish_translator)

    rows = queue_rows(client)
    assert list(rows) == ["Spanish"]
    states = {title: (state, details) for title, state, details in rows["Spanish"]}
    assert states["Parking and arrival"][0] == "Out of date"
    assert states["Parking and arrival"][1].startswith("1 segment added since ")
    assert states["ES Groups"] == ("In progress", "draft, not live yet")
    assert states["Fees and insurance"][0] == "Untranslated"

    translate_remaining(parking["es"])
    titles = [title for title, _state, _details in queue_rows(client)["Spanish"]]
    assert "Parking and arrival" not in titles


def test_marketing_sees_every_language(client, parking, marketer):
    assert list(queue_rows(sign_in(client, marketer))) == ["Spanish", "Polish"]


def test_a_language_with_nothing_to_do_says_so(client, homes, spanish_translator):
    sign_in(client, spanish_translator)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert "Everything live in English is translated and up to date." in soup.get_text()


def test_staff_without_a_language_have_no_queue(client, homes, roles):
    sign_in(client, UserFactory(username="clin", groups=["Clinicians"]))
    assert queue_rows(client) is None
