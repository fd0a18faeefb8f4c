"""Headless Chromium (the Debian package, not Playwright's download) plus axe-core checks.

We point Playwright at the system Chromium via ``executable_path`` so no
browser download (which needs the internet) is ever required.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import axe_playwright_python

CHROMIUM_PATH = (
    os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
)

CHROMIUM_ARGS = [
    "--no-sandbox",  # the sandbox cannot start as root / inside containers
    "--disable-gpu",
    "--disable-dev-shm-usage",  # /dev/shm is tiny in containers
    "--disable-background-networking",  # no internet: avoid stray requests and delays
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--disable-default-apps",
]

DEFAULT_AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")

AXE_SCRIPT_PATH = Path(axe_playwright_python.__file__).parent / "axe.min.js"


def launch_chromium(playwright):
    """Launch headless system Chromium through a (sync) Playwright instance."""
    if not (os.path.isfile(CHROMIUM_PATH) and os.access(CHROMIUM_PATH, os.X_OK)):
        raise RuntimeError(
            f"Chromium not found at {CHROMIUM_PATH}: install the Debian package chromium "
            "(or run scripts/ensure-system-packages.sh, or set CHROMIUM_PATH)"
        )
    return playwright.chromium.launch(
        executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS
    )


def axe_violations(page, *, tags=DEFAULT_AXE_TAGS) -> list[dict]:
    """Run axe-core on the page's current document; return its ``violations`` list."""
    # page.evaluate (rather than an inline <script>) is not blocked by the
    # page's Content-Security-Policy.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SCRIPT_PATH.read_text(encoding="utf-8"))
    return page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})
                        .then((results) => results.violations)""",
        list(tags),
    )


def format_violations(violations: list[dict], *, max_nodes: int = 3) -> str:
    """A readable multi-line summary of axe violations for assertion messages."""
    if not violations:
        return "no accessibility violations"
    lines = [f"{len(violations)} accessibility violation(s):"]
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}]: {violation.get('help')} "
            f"({len(nodes)} node(s)) {violation.get('helpUrl', '')}".rstrip()
        )
        for node in nodes[:max_nodes]:
            target = ", ".join(str(part) for part in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            if len(html) > 200:
                html = html[:200] + "..."
            lines.append(f"    target: {target}")
            lines.append(f"      html: {html}")
        if len(nodes) > max_nodes:
            lines.append(f"    ... and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


def axe_report(page, base_url, statuses):
    """Visit each path of ``statuses`` ({path: expected HTTP status}) and
    return axe-core's findings as one readable text ("" when there are none)."""
    problems = {}
    for path, status in statuses.items():
        response = page.goto(base_url + path)
        assert response.status == status, path
        violations = axe_violations(page)
        if violations:
            problems[path] = format_violations(violations)
    return "\n\n".join(f"{path}:\n{text}" for path, text in problems.items())
