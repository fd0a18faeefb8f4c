"""What visitors read on approach and clinician pages."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_approach_index_lists_every_approach_with_its_summary(client, practice):
    html = client.get("/approaches/").content.decode()

    for approach in (practice.emdr, practice.play, practice.ifs):
        assert approach.title in html
        assert approach.summary in html


def test_approach_index_filters_by_who_it_helps(client, practice):
    html = client.get("/approaches/?for=couples").content.decode()

    assert "Internal Family Systems" in html
    assert "Play therapy" not in html and ">EMDR<" not in html


def test_unknown_audience_is_ignored(client, practice):
    response = client.get("/approaches/?for=<script>")

    assert response.status_code == 200
    assert "Play therapy" in response.content.decode()


def test_approach_page_shows_its_parts_clinicians_and_offices(client, practice):
    html = client.get("/approaches/play-therapy/").content.decode()

    assert "What it can help with" in html and "Trouble sleeping" in html
    assert "Ana Example" in html and "Cy Placeholder" in html and "Ben Sample" not in html
    # Offices are derived from the clinicians' own pages.
    assert 'href="/locations/naperville/"' in html and 'href="/locations/aurora/"' in html
    assert 'href="/locations/plainfield/"' not in html
    assert 'href="/approaches/emdr/"' in html  # related approach
    assert "Find the nearest office" in html and "tel:+16307910444" in html


def test_clinician_page_shows_facts_and_person_json_ld(client, practice):
    html = client.get("/clinicians/ana-example/").content.decode()

    assert "Ana Example" in html and "MA, LCPC" in html
    assert "Accepting new clients" in html
    person = next(data for data in json_ld(html) if data["@type"] == "Person")
    assert person["knowsLanguage"] == ["en", "es"]
    assert {clinic["name"] for clinic in person["worksFor"]} == {"Naperville", "Aurora"}
    assert person["hasCredential"]["identifier"] == practice.ana.licence_number


def test_office_page_lists_its_clinicians(client, practice):
    html = client.get("/locations/aurora/").content.decode()

    assert "Ana Example" in html and "Cy Placeholder" in html and "Ben Sample" not in html
