"""The Content-Security-Policy and Permissions-Policy hold, in real Chromium.

Every public page type of the demo clinic, in English, Spanish and Polish,
loads with the policy enforced and without a single violation, console
error, script error or request to another host. The admin gets its looser
policy and works under it. (The policies: portal/content_security.py,
portal/permissions_policy.py, settings "Content-Security-Policy".)
"""

from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model

from portal.content_security import media_origin, tile_origin
from portal.demo import DEMO_PASSWORD
from portal.permissions_policy import POLICY
from tests.portal.staff import sign_in, sign_in_in_browser

# Records what the page's policy refused (init scripts are not subject to it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} `
        + `(${event.sourceFile || "page"}:${event.lineNumber})`);
});
"""

# Besides one live page of every type in every language (found in the
# database, so a new page type is checked without a change here): the finder
# with a search, site search, filters, the appointment thanks page, 404s.
EXTRA_PAGES = {
    "/locations/?near=60540": 200, "/es/locations/?near=Aurora": 200, "/pl/locations/?near=00000": 400,
    "/search/?q=therapy": 200, "/es/buscar/?q=terapia": 200, "/pl/szukaj/?q=terapia": 200,
    "/search/": 200, "/pl/szukaj/?q=nothing-matches-this": 200,
    "/clinicians/?telehealth=1&near=60540": 200, "/es/blog/?for=parents": 200, "/pl/approaches/?for=teens": 200,
    "/no-such-page/": 404, "/es/no-existe/": 404, "/pl/nie-ma-takiej-strony/": 404,
}


def public_pages():
    """{path: 200} for the first live page of each type in each language."""
    from wagtail.models import Page

    found = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        key = (type(page), page.locale.language_code)
        if key in found:
            continue
        url = page.get_url()
        if url:
            found[key] = url
    return found


class Watcher:
    """Collects, for each visit, what the page must not do."""

    def __init__(self, context, base_url, all_console_errors=True):
        self.host = urlsplit(base_url).netloc
        self.all_console_errors = all_console_errors
        self.problems = []
        self.current = None
        context.add_init_script(RECORD_VIOLATIONS)
        context.route(lambda url: not self.is_local(url), self.refuse)

    def is_local(self, url):
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or parts.netloc == self.host

    def refuse(self, route):
        self.problems.append(f"{self.current}: request to another host: {route.request.url}")
        route.abort()

    def watch(self, page):
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(f"{self.current}: script error: {error}"))
        return page

    def console(self, message):
        if message.type != "error":
            return
        text = message.text
        if not self.all_console_errors and "Content Security Policy" not in text:
            return  # the admin: only the policy's own complaints
        # The browser's own note on the document's expected 4xx status is not a fault.
        if text.startswith("Failed to load resource: the server responded with a status of 4") and \
                message.location.get("url", "").endswith(self.current or "\0"):
            return
        self.problems.append(f"{self.current}: console error: {text}")

    def visit(self, page, base_url, path, status=200):
        self.current = path
        response = page.goto(base_url + path)
        assert response.status == status, path
        page.wait_for_load_state("networkidle")
        for violation in page.evaluate("window.__cspViolations || []"):
            self.problems.append(f"{path}: CSP violation: {violation}")
        return response


@pytest.fixture
def watched(browser, live_server, request):
    context = browser.new_context()
    # In the admin, Wagtail's own content checker logs what it finds in a
    # preview as console errors: not this test's business.
    watcher = Watcher(context, live_server.url, all_console_errors="admin" not in request.node.name)
    page = watcher.watch(context.new_page())
    yield watcher, page
    context.close()


# Headers (test client) --------------------------------------------------------

def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_public_pages_get_the_strict_policy(client, homes, settings):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    response = client.get("/es/")

    policy = directives(response["Content-Security-Policy"])
    assert policy["default-src"] == policy["script-src"] == policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == policy["base-uri"] == policy["connect-src"] == ["'self'"]
    assert policy["report-uri"] == ["/csp-report/"] and policy["report-to"] == ["csp"]
    assert response["Reporting-Endpoints"] == 'csp="/csp-report/"'
    header = response["Content-Security-Policy"]
    assert "unsafe" not in header and "nonce" not in header and "*" not in header.replace("*.tiles", "")


def test_the_same_page_gets_the_same_header_so_cached_copies_stay_valid(client, homes):
    assert client.get("/").headers["Content-Security-Policy"] == client.get("/").headers["Content-Security-Policy"]


def test_error_pages_get_the_policy_too(client, homes):
    for path in ("/no-such-page/", "/es/no-existe/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "script-src 'self';" in response["Content-Security-Policy"]


def test_the_admin_gets_its_looser_policy(client, homes, roles):
    from tests.portal.factories import UserFactory

    editor = UserFactory(is_superuser=True)
    sign_in(client, editor)

    for path in ("/admin/login/", "/admin/"):
        policy = directives(client.get(path)["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
        assert policy["frame-ancestors"] == ["'self'"] and policy["object-src"] == ["'none'"]
        assert policy["report-uri"] == ["/csp-report/"]


def test_a_preview_keeps_the_public_policy_but_the_admin_may_frame_it(homes):
    response = homes["es"].make_preview_request()

    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["script-src"] == policy["style-src"] == ["'self'"]


def test_map_tiles_and_bucket_uploads_are_the_only_other_image_hosts():
    assert tile_origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png") == "https://tile.openstreetmap.org"
    assert tile_origin("https://{s}.tile.example.org/{z}/{x}/{y}.png?key=abc") == "https://*.tile.example.org"
    assert tile_origin("https://tiles-{s}.example.org/{z}/{x}/{y}.png") == ""
    assert tile_origin("") == tile_origin(None) == ""
    assert media_origin("/media/") == ""
    assert media_origin("https://media.example.org/uploads/") == "https://media.example.org"


def test_without_map_tiles_no_other_host_is_allowed(client, homes, settings):
    settings.MAP_TILE_URL = ""

    policy = directives(client.get("/")["Content-Security-Policy"])

    assert policy["img-src"] == ["'self'", "data:"]


def test_public_pages_may_use_geolocation_for_this_site_and_nothing_else(client, homes):
    header = client.get("/pl/")["Permissions-Policy"]

    features = dict(item.strip().split("=", 1) for item in header.split(","))
    assert features.pop("geolocation") == "(self)"
    assert {"camera", "microphone", "payment", "usb", "display-capture"} <= set(features)
    assert set(features.values()) == {"()"}
    assert header == POLICY


# In Chromium --------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.slow
def test_every_public_page_type_loads_without_violations_or_other_hosts(live_server, live_demo_site, watched):
    watcher, page = watched
    pages = public_pages()
    types = {(kind.__name__, language) for kind, language in pages}
    # Every type in English; in Spanish and Polish, every type the demo translated.
    assert {name for name, language in types if language == "en"} >= {
        "HomePage", "StandardPage", "LocationIndexPage", "LocationPage", "ApproachIndexPage", "ApproachPage",
        "ClinicianIndexPage", "ClinicianPage", "BlogIndexPage", "ArticlePage", "AppointmentRequestPage"}
    assert len({name for name, language in types if language == "es"}) >= 10
    assert len({name for name, language in types if language == "pl"}) >= 10
    paths = {path: 200 for path in pages.values()}
    for (kind, _language), path in pages.items():
        if kind.__name__ == "AppointmentRequestPage":
            paths[path + "thanks/"] = 200
    paths.update(EXTRA_PAGES)

    for path, status in paths.items():
        response = watcher.visit(page, live_server.url, path, status)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"], path

    assert not watcher.problems, "\n".join(watcher.problems)


@pytest.mark.browser
@pytest.mark.slow
def test_the_admin_works_under_its_policy(live_server, live_demo_site, watched):
    from wagtail.models import Page

    watcher, page = watched
    base = live_server.url
    watcher.visit(page, base, "/admin/login/")
    assert not watcher.problems, "\n".join(watcher.problems)

    # Everything the watcher saw while signing in counts too.
    watcher.current = "signing in"
    sign_in_in_browser(page, base, get_user_model().objects.get(username="marketing"), DEMO_PASSWORD)
    assert page.url.rstrip("/").endswith("/admin"), page.url
    watcher.visit(page, base, "/admin/")
    article = Page.objects.live().filter(content_type__model="articlepage").first()
    watcher.visit(page, base, f"/admin/pages/{article.pk}/edit/")

    # The preview panel frames the page under the admin policy.
    watcher.current = "preview panel"
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    preview.locator("h1").first.wait_for(state="attached")
    page.wait_for_load_state("networkidle")

    # The image chooser, as an editor opens it for a new article's picture.
    blog = Page.objects.live().filter(content_type__model="blogindexpage").first()
    watcher.visit(page, base, f"/admin/pages/add/blog/articlepage/{blog.pk}/")
    watcher.current = "image chooser"
    page.locator("button:visible", has_text="Choose an image").first.click()
    page.get_by_role("dialog").locator("input[type=search], input[name=q]").first.wait_for()
    page.wait_for_load_state("networkidle")

    watcher.visit(page, base, "/admin/images/")
    watcher.visit(page, base, "/admin/pages/")

    violations = page.evaluate("window.__cspViolations")
    assert not violations and not watcher.problems, "\n".join(watcher.problems + violations)
