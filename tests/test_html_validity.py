"""Every public page type, in every language, is valid HTML (Nu HTML Checker)."""

import pytest

from tests.harness.html_checker import html_problems

pytestmark = pytest.mark.django_db

PAGES = [
    "/", "/es/", "/pl/",
    "/privacy/", "/es/privacidad/", "/pl/prywatnosc/",
    "/locations/", "/es/locations/?near=60505", "/pl/locations/?near=00000",
    "/locations/naperville/", "/es/locations/aurora/", "/pl/locations/oswego/",
    "/no-such-page/", "/es/no-existe/",
    "/request-an-appointment/", "/es/pedir-una-cita/", "/pl/umow-wizyte/",
    "/pl/umow-wizyte/thanks/",  # no office chosen
    "/search/?q=naperville", "/es/buscar/?q=aurora", "/pl/szukaj/", "/search/?q=nothing-matches",
]
NOT_FOUND = {"/no-such-page/", "/es/no-existe/"}
BAD_INPUT = {"/pl/locations/?near=00000"}  # the finder's message above the full list
# The appointment form sent back with every kind of error message.
FORM_ERRORS = [
    ("/locations/bolingbrook/", {"email": "nope", "phone": "123", "preferred_contact": "email"}),
    ("/es/pedir-una-cita/", {}),
]


def test_public_pages_are_valid_html(client, clinic_in_three_languages, tmp_path):
    offices = clinic_in_three_languages.offices_in
    pages = PAGES + [  # thank-you pages naming the office chosen
        f"/request-an-appointment/thanks/?to={offices['en']['naperville'].pk}",
        f"/es/pedir-una-cita/thanks/?to={offices['es']['plainfield'].pk}",
    ]
    responses = [client.get(path) for path in pages]
    responses += [client.post(path, data) for path, data in FORM_ERRORS]
    names = pages + [f"{path} (form errors)" for path, _data in FORM_ERRORS]
    expected = [404 if path in NOT_FOUND else 400 if path in BAD_INPUT else 200 for path in pages]
    expected += [400 for _form in FORM_ERRORS]
    for name, response, status in zip(names, responses, expected):
        assert response.status_code == status, name

    problems = html_problems({name: response.content for name, response in zip(names, responses)}, tmp_path)

    assert not problems, "\n".join(problems)
