"""Approach and clinician pages, in every language, pass axe-core in Chromium
and the Nu HTML Checker."""

import pytest

from tests.harness.browser import axe_report
from tests.harness.html_checker import html_problems

PAGES = {
    "/approaches/": 200, "/approaches/?for=couples": 200, "/approaches/play-therapy/": 200,
    "/clinicians/": 200, "/clinicians/?approach=play-therapy&telehealth=1&near=60540": 200,
    "/clinicians/?office=aurora&age=adults": 200,  # nobody: the empty state
    "/clinicians/?near=Atlantis": 400,  # the place message above the list
    "/clinicians/ana-example/": 200,
    "/es/approaches/": 200, "/es/approaches/emdr/": 200, "/es/clinicians/?language=es": 200,
    "/es/clinicians/ana-example/": 200,
    "/pl/approaches/?for=teens": 200, "/pl/approaches/ifs/": 200, "/pl/clinicians/": 200,
    "/pl/clinicians/cy-placeholder/": 200,
    "/locations/aurora/": 200,  # lists its clinicians
}


@pytest.mark.django_db
def test_new_page_types_are_valid_html(client, practice_in_three_languages, tmp_path):
    pages = {}
    for path, status in PAGES.items():
        response = client.get(path)
        assert response.status_code == status, path
        pages[path] = response.content

    problems = html_problems(pages, tmp_path)

    assert not problems, "\n".join(problems)


@pytest.mark.browser
@pytest.mark.slow
def test_no_axe_violations_on_new_page_types(live_server, live_practice, crisis_notices, browser_page):
    problems = axe_report(browser_page, live_server.url, PAGES)

    assert not problems, problems
