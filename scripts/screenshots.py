"""Full-page screenshots of every public page type, in every language, at a
phone's width and a laptop's: ``make screenshots`` (into var/screenshots/).

    .venv/bin/python scripts/screenshots.py [--var-dir DIR] [--languages en,es]
                                            [--pages home,office] [--widths 390,1280]

Without --var-dir a throwaway demo database is built first (about a minute)
and removed afterwards; with it, that folder's demo database is used (and
migrated). The demo is served the way production serves it (see
scripts/demo_server.py), and the pages to visit are read from its database:
the first page of each type per language, plus the finder with a search, the
articles of one topic, site search with results and a missing page (404).

Files are named <language>-<page>-<width>.png. A page that answers another
status than expected (200; 404 for the missing page) is still photographed,
then the script fails naming it, with the server's log kept to find out why.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

from demo_server import REPO, DemoSite, DemoSiteError, say

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Window heights for the first screen; the screenshots cover the whole page.
HEIGHTS = {390: 844, 1280: 800}
LOAD_EVERY_IMAGE = """async () => {
    const images = [...document.images];
    images.forEach((image) => { if (image.loading === "lazy") image.loading = "eager"; });
    const loaded = Promise.all(images.map((image) => image.complete ? null
        : new Promise((done) => { image.onload = image.onerror = done; })));
    await Promise.race([loaded, new Promise((done) => setTimeout(done, 10000))]);
    await document.fonts.ready;
}"""
PHONE_WIDTH = 600  # narrower: emulate a phone (touch, mobile viewport rules)


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--var-dir", help="use this folder's demo database instead of building one")
    parser.add_argument("--out", default=str(REPO / "var" / "screenshots"), help="default: var/screenshots")
    parser.add_argument("--languages", help="comma-separated, e.g. en,pl (default: all)")
    parser.add_argument("--pages", help="comma-separated page names, e.g. home,office (default: all)")
    parser.add_argument("--widths", default="390,1280", help="comma-separated CSS pixels (default: 390,1280)")
    return parser.parse_args(argv)


def chosen(value):
    return {item.strip() for item in value.split(",") if item.strip()} if value else None


def shots_to_take(pages, languages, kinds, widths):
    shots = []
    for language, found in pages.items():
        if languages and language not in languages:
            continue
        for kind, page in found.items():
            if kinds and kind not in kinds:
                continue
            shots.extend((language, kind, page, width) for width in widths)
    return shots


def take(site, shots, out):
    from playwright.sync_api import sync_playwright

    problems = []
    with sync_playwright() as playwright:
        if not os.access(CHROMIUM_PATH, os.X_OK):
            raise DemoSiteError(f"No Chromium at {CHROMIUM_PATH}: install Debian's chromium package "
                                "(scripts/ensure-system-packages.sh) or set CHROMIUM_PATH.")
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        contexts = {}
        try:
            for number, (language, kind, page_info, width) in enumerate(shots, start=1):
                say(f"{number}/{len(shots)} {language} {kind} {width} px")
                if width not in contexts:
                    phone = width < PHONE_WIDTH
                    contexts[width] = browser.new_context(
                        viewport={"width": width, "height": HEIGHTS.get(width, 900)},
                        device_scale_factor=1, is_mobile=phone, has_touch=phone,
                        reduced_motion="reduce", locale="en-US",
                    )
                page = contexts[width].new_page()
                try:
                    response = page.goto(site.url + page_info["path"], wait_until="load")
                    # A full-page picture shows every image: lazy ones load now, not on scrolling.
                    page.evaluate(LOAD_EVERY_IMAGE)
                    status = response.status if response else None
                    problem = (f"{language} {kind}: {page_info['path']} answered {status}, "
                               f"expected {page_info['status']}")
                    if status != page_info["status"] and problem not in problems:
                        problems.append(problem)
                    page.screenshot(path=str(out / f"{language}-{kind}-{width}.png"), full_page=True,
                                    animations="disabled", caret="hide")
                finally:
                    page.close()
        finally:
            browser.close()
    return problems


def main(argv):
    options = parse_arguments(argv)
    widths = [int(width) for width in options.widths.split(",") if width.strip()]
    out = Path(options.out).resolve()
    started = time.monotonic()
    try:
        with DemoSite(options.var_dir) as site:
            shots = shots_to_take(site.pages, chosen(options.languages), chosen(options.pages), widths)
            if not shots:
                raise DemoSiteError("No page matches --languages/--pages; the demo has: "
                                    + ", ".join(sorted({kind for found in site.pages.values() for kind in found})))
            out.mkdir(parents=True, exist_ok=True)
            for old in out.glob("*.png"):  # no screenshot of a page that no longer exists stays behind
                old.unlink()
            say(f"== {len(shots)} screenshots into {out}")
            problems = take(site, shots, out)
            if problems:
                site.keep = True  # the server's log says why
    except DemoSiteError as error:
        say(f"screenshots: {error}")
        return 1
    except KeyboardInterrupt:
        say("screenshots: interrupted; the demo server is stopped.")
        return 130
    if problems:
        say("\nThese pages did not answer as expected (their screenshots show what a visitor sees):")
        for problem in problems:
            say(f"  - {problem}")
        say(f"Look for the error in {site.log_path} (kept), fix the page or the demo data "
            "(portal/demo.py and each app's demo.py), then run `make screenshots` again.")
        return 1
    say(f"== {len(shots)} screenshots in {out} ({time.monotonic() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
