"""The Nu HTML Checker (vnu.jar, run with the machine's Java) over pages.

The jar is a current release that ``make install-test`` fetches
(scripts/fetch-vnu.py)."""

import json
import shutil
import subprocess
from pathlib import Path

VNU_JAR = Path(__file__).resolve().parents[2] / ".venv" / "vnu" / "vnu.jar"


def html_problems(pages, folder):
    """``pages``: {name: HTML bytes}. Returns one line per error, naming the page."""
    java = shutil.which("java")
    assert java, "Java is needed for the HTML checker: apt-get install default-jre-headless"
    assert VNU_JAR.exists(), f"{VNU_JAR} is missing: run make install-test (it fetches the checker)"
    files = {}
    for number, (name, content) in enumerate(pages.items()):
        file = Path(folder) / f"page-{number}.html"
        file.write_bytes(content)
        files[str(file)] = name
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json",
         "--errors-only", *files],
        capture_output=True, text=True, timeout=180,
    )
    assert result.stderr, f"The HTML checker said nothing (exit status {result.returncode})"
    return [
        f"{files[m['url'].removeprefix('file:')]}: line {m.get('lastLine')}: {m['message']}"
        for m in json.loads(result.stderr)["messages"]
    ]
