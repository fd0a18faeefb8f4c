"""Whatever a robot or a broken browser posts, the form answers with a 4xx or
the thank-you page, never a 5xx, and stores a row exactly when it said thanks
to a genuine submission. A form sent too fast comes back (400) to be sent again."""

import time
from collections import Counter
import urllib.parse

import pytest
from django.core.cache import cache
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inquiries.forms import issue_form_token
from inquiries.models import Inquiry

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

FIELDS = ["name", "email", "phone", "preferred_contact", "appointment_for", "age_group", "office",
          "telehealth_ok", "preferred_language", "best_times", "consent", "note", "website"]

nasty_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(lambda t: t + "\x00"),  # null bytes
    st.sampled_from([
        "x" * 1_000_000,  # a megabyte
        "مرحبا بالعالم \u202eevil\u202c",  # right-to-left text and overrides
        "Ann\r\nBcc: victim@example.com",  # header injection
        "Ann\nSubject: hacked",
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "Robert'); DROP TABLE locations_inquiry;--",
        "=cmd|' /C calc'!A0",
        "\ud7ff\ue000\U0001f600",
        "",
        " ",
    ]),
)
valid_value = {
    "name": st.just("Fuzz Visitor"),
    "email": st.just("fuzz@example.com"),
    "phone": st.just("630-555-0142"),
    "preferred_contact": st.sampled_from(["phone", "email"]),
    "appointment_for": st.sampled_from(["myself", "child", "couple", "family"]),
    "age_group": st.sampled_from(["child", "teen", "adult", "older"]),
    "office": st.sampled_from(["any", "telehealth"]),
    "telehealth_ok": st.sampled_from(["on", ""]),
    "preferred_language": st.sampled_from(["en", "es", "pl", "other"]),
    "best_times": st.lists(st.sampled_from(["morning", "afternoon", "evening", "saturday"]), max_size=4),
    "consent": st.just("on"),
    "note": st.just("Evenings are easier."),
    "website": st.just(""),
}
wrong_type = st.one_of(
    st.lists(st.text(max_size=20), min_size=2, max_size=4),  # several values for one field
    st.integers().map(str),
    st.sampled_from(["true", "null", "[]", "{}", "999999", "-1", "on", "off"]),
)


def spoiled(draw, field):
    kind = draw(st.sampled_from(["nasty", "wrong", "missing"]))
    if kind == "nasty":
        return draw(nasty_text)
    if kind == "wrong":
        return draw(wrong_type)
    return None


@st.composite
def bodies(draw):
    """Half are a visitor's answers with up to two fields spoiled; half are chaos."""
    if draw(st.booleans()):
        body = {field: draw(valid_value[field]) for field in FIELDS}
        for field in draw(st.lists(st.sampled_from(FIELDS), max_size=2, unique=True)):
            body[field] = spoiled(draw, field)
    else:
        body = {}
        for field in FIELDS:
            body[field] = draw(valid_value[field]) if draw(st.booleans()) else spoiled(draw, field)
    body = {field: value for field, value in body.items() if value is not None}
    token_kind = draw(st.sampled_from(["good", "good", "good", "good", "fast", "forged", "missing", "junk"]))
    body["form_token"] = {
        "good": lambda: issue_form_token(timestamp=time.time() - 30),
        "fast": lambda: issue_form_token(),
        "forged": lambda: issue_form_token(timestamp=time.time() - 30)[:-2] + "zz",
        "missing": lambda: None,
        "junk": lambda: draw(nasty_text),
    }[token_kind]()
    if body["form_token"] is None:
        del body["form_token"]
    extra = draw(st.dictionaries(st.text(min_size=1, max_size=10), st.text(max_size=20), max_size=3))
    return {**extra, **body}, token_kind


def honeypot_as_submitted(value):
    """What the form reads from the hidden field: of repeated values, Django
    takes the last (so ["", ""] is an empty honeypot, as a person leaves it)."""
    if isinstance(value, (list, tuple)):
        return value[-1] if value else ""
    return value


def test_any_body_gets_4xx_or_thanks_and_a_row_exactly_when_thanked(clinic, capsys):
    outcomes = Counter()

    @settings(max_examples=1000, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(example=bodies(), raw=st.booleans())
    def post(example, raw):
        body, token_kind = example
        cache.clear()  # the rate limit has its own tests
        client = Client()
        before = Inquiry.objects.count()
        if raw:  # hand-built bodies, as a robot would send them
            encoded = urllib.parse.urlencode(body, doseq=True).encode("utf-8", "surrogatepass")
            response = client.post("/request-an-appointment/", encoded,
                                   content_type="application/x-www-form-urlencoded")
        else:
            response = client.post("/request-an-appointment/", body)
        created = Inquiry.objects.count() - before

        assert response.status_code in (303, 400, 413), response.status_code
        thanked = response.status_code == 303
        genuine = token_kind == "good" and not honeypot_as_submitted(body.get("website"))
        assert created == (1 if thanked and genuine else 0)
        outcomes[(response.status_code, "stored" if created else "not stored")] += 1

    post()

    with capsys.disabled():
        print(f"\n[fuzz] {sum(outcomes.values())} bodies: "
              + ", ".join(f"{status} {stored}: {count}" for (status, stored), count in sorted(outcomes.items())))
    assert sum(outcomes.values()) >= 1000
    # The generator reaches every outcome, so the test above can fail either way.
    assert outcomes[(303, "stored")] >= 20 and outcomes[(303, "not stored")] >= 10
    assert outcomes[(400, "not stored")] >= 100 and outcomes[(413, "not stored")] >= 5
