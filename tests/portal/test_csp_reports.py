"""/csp-report/ counts Content-Security-Policy violations by directive and
blocked origin, and logs counts, never the visitor or the page they were on."""

import json
import logging

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal import csp_reports

URL = "/csp-report/"
PAGE = "https://care.example.org/locations/?near=60540&lat=41.7606"

# What Chromium posts for report-uri ...
LEGACY = {"csp-report": {
    "document-uri": PAGE, "referrer": "https://search.example/?q=anxiety+therapist",
    "violated-directive": "img-src", "effective-directive": "img-src",
    "original-policy": "default-src 'self'; img-src 'self' data:", "disposition": "enforce",
    "blocked-uri": "https://tracker.example.net:8443/pixel.gif?visitor=42", "status-code": 200,
    "script-sample": "",
}}
# ... and for report-to (the Reporting API), which may batch several reports.
REPORTING_API = [
    {"type": "csp-violation", "age": 10, "url": PAGE, "user_agent": "Mozilla/5.0 (X11; Linux) Chrome/140",
     "body": {"documentURL": PAGE, "effectiveDirective": "script-src-elem", "blockedURL": "inline",
              "disposition": "enforce", "sample": "alert(1)", "statusCode": 200, "lineNumber": 3}},
    {"type": "csp-violation", "age": 12, "url": PAGE, "user_agent": "Mozilla/5.0 (X11; Linux) Chrome/140",
     "body": {"documentURL": PAGE, "effectiveDirective": "img-src",
              "blockedURL": "https://tracker.example.net:8443/other.gif", "disposition": "enforce"}},
    {"type": "deprecation", "age": 1, "url": PAGE, "body": {"id": "Something", "message": "old"}},
]


@pytest.fixture
def report_log(caplog):
    # The portal's loggers (settings LOGGING) do not propagate to the root
    # logger caplog watches; watch this one directly, once.
    logger = logging.getLogger("portal.csp_reports")
    caplog.set_level(logging.INFO, logger="portal.csp_reports")
    own = caplog.handler not in logging.getLogger("portal").handlers
    if own:
        logger.addHandler(caplog.handler)
    yield caplog
    if own:
        logger.removeHandler(caplog.handler)


def post(client, body, content_type="application/csp-report", **extra):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(URL, data, content_type=content_type, REMOTE_ADDR="203.0.113.7",
                       HTTP_USER_AGENT="Mozilla/5.0 (Secret Browser)", **extra)


def counted(directive, blocked):
    return cache.get(f"csp-report:{directive}:{blocked}")


def test_the_policy_reports_to_this_endpoint(settings):
    assert reverse("csp_report") == URL == settings.CSP_REPORT_PATH
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["report-uri"] == [URL]


def test_a_report_uri_report_is_counted_by_directive_and_origin(client, report_log):
    response = post(client, LEGACY)

    assert response.status_code == 204
    assert counted("img-src", "https://tracker.example.net:8443") == 1
    assert "img-src" in report_log.text and "https://tracker.example.net:8443" in report_log.text


def test_reporting_api_batches_are_counted_and_other_report_types_ignored(client):
    response = post(client, REPORTING_API, content_type="application/reports+json")

    assert response.status_code == 204
    assert counted("script-src-elem", "inline") == 1
    assert counted("img-src", "https://tracker.example.net:8443") == 1


def test_counts_add_up(client):
    for _ in range(3):
        post(client, LEGACY)
    post(client, REPORTING_API, content_type="application/reports+json")

    assert counted("img-src", "https://tracker.example.net:8443") == 4


def test_nothing_about_the_visitor_or_the_page_is_logged(client, report_log):
    post(client, LEGACY)
    post(client, REPORTING_API, content_type="application/reports+json")

    logged = "\n".join(record.getMessage() for record in report_log.records)
    assert logged  # the counts are there...
    for secret in ("60540", "41.7606", "locations", "visitor=42", "pixel.gif", "anxiety", "203.0.113.7",
                   "Secret Browser", "Chrome", "alert(1)", "care.example.org"):
        assert secret not in logged  # ...and nothing else


def test_log_lines_thin_out_as_a_count_grows(client, report_log):
    for _ in range(9):
        post(client, LEGACY)

    # The 1st, 2nd, 4th and 8th report of the same kind.
    assert len(report_log.records) == 4
    assert "(8 in the last day)" in report_log.records[-1].getMessage()


def test_log_lines_are_limited_per_minute_site_wide(client, report_log, monkeypatch):
    monkeypatch.setattr(csp_reports.time, "time", lambda: 1_800_000_000.0)  # all within one minute
    for number in range(csp_reports.MAX_LOG_LINES_PER_MINUTE + 10):
        post(client, {"csp-report": {"effective-directive": "img-src",
                                     "blocked-uri": f"https://host{number}.example/"}})

    assert len(report_log.records) == csp_reports.MAX_LOG_LINES_PER_MINUTE


@pytest.mark.parametrize("blocked, origin", [
    ("inline", "inline"), ("eval", "eval"), ("", "inline"), ("data", "data"),
    ("data:image/png;base64,AAAA", "data"), ("blob:https://care.example.org/1234", "blob"),
    ("https://user:password@tiles.example.org/1/2/3.png?key=abc", "https://tiles.example.org"),
    ("wss://live.example.net/socket", "wss://live.example.net"),
    ("chrome-extension", "chrome-extension"), ("chrome-extension://abcdef/script.js", "chrome-extension"),
    ("https://evil.example/\nFAKE LOG LINE", "https://evil.example"),  # Python drops the newline
    ("https://evil.example\u2028FAKE/", "other"), ("https://exa mple.org/", "other"),
    ("not a url at all", "other"), ("javascript:alert(1)", "javascript"),
])
def test_blocked_resources_are_cut_down_to_their_origin(blocked, origin):
    assert csp_reports.blocked_origin(blocked) == origin


def test_violated_directive_alone_is_enough(client):
    response = post(client, {"csp-report": {"violated-directive": "style-src 'self'", "blocked-uri": "inline"}})

    assert response.status_code == 204
    assert counted("style-src", "inline") == 1


@pytest.mark.parametrize("body, content_type", [
    (b"", "application/csp-report"),
    (b"{not json", "application/csp-report"),
    (b"\xff\xfe\x00", "application/csp-report"),
    (b"[]", "application/reports+json"),
    (b"42", "application/csp-report"),
    (b'{"csp-report": "nope"}', "application/csp-report"),
    (b'{"csp-report": {"blocked-uri": "inline"}}', "application/csp-report"),
    (b'{"csp-report": {"effective-directive": "img src; drop", "blocked-uri": "inline"}}', "application/csp-report"),
    (b'{"csp-report": {"effective-directive": "no-such-directive", "blocked-uri": "inline"}}',
     "application/csp-report"),
    (b'{"csp-report": {"effective-directive": 7, "blocked-uri": "inline"}}', "application/csp-report"),
    (b'[{"type": "csp-violation"}]', "application/reports+json"),
    (b'["x"]', "application/reports+json"),
    (json.dumps(LEGACY).encode(), "text/plain"),
    (json.dumps(LEGACY).encode(), "application/x-www-form-urlencoded"),
])
def test_bad_bodies_get_400(client, body, content_type):
    response = post(client, body, content_type=content_type)

    assert response.status_code == 400


def test_a_large_body_is_refused_unread(client):
    huge = {"csp-report": {"effective-directive": "img-src", "blocked-uri": "inline",
                           "script-sample": "x" * (csp_reports.MAX_BODY_BYTES + 1)}}

    response = post(client, huge)

    assert response.status_code == 413
    assert counted("img-src", "inline") is None


def test_only_post(client):
    assert client.get(URL).status_code == 405


def test_no_csrf_token_needed(settings):
    from django.test import Client

    response = post(Client(enforce_csrf_checks=True), LEGACY)

    assert response.status_code == 204


def test_at_most_twenty_reports_count_per_post(client):
    batch = [{"type": "csp-violation", "body": {"effectiveDirective": "img-src", "blockedURL": "data"}}] * 50

    post(client, batch, content_type="application/reports+json")

    assert counted("img-src", "data") == csp_reports.MAX_REPORTS_PER_POST


def test_a_cache_outage_still_answers_204(client, redis_cache, report_log):
    redis_cache.stop()

    response = post(client, LEGACY)

    assert response.status_code == 204
    assert "count unavailable" in report_log.text
