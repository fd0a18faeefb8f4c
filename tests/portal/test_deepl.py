"""Machine translation with DeepL (portal/deepl.py), against a local fake of
DeepL's API (tests/portal/fake_deepl.py): batching within DeepL's limits,
the practice's glossary, every failure as a message the translator can act
on with nothing saved, and the translation editor's button end to end."""

import html
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

from portal.deepl import FREE_API_URL, PRO_API_URL, DeepLTranslator, MachineTranslationError
from portal.deepl_glossary import GLOSSARIES
from portal.settings.environment import VARIABLES
from tests.harness.ports import free_port
from tests.portal.factories import StandardPageFactory, locale
from tests.portal.fake_deepl import KEY, FakeDeepL
from tests.portal.staff import sign_in

REPO = Path(__file__).resolve().parents[2]
ENGLISH, SPANISH, POLISH = (Locale(language_code=code) for code in ("en", "es", "pl"))


@pytest.fixture
def fake_deepl():
    fake = FakeDeepL().start()
    yield fake
    fake.stop()


def translator(fake, **options):
    return DeepLTranslator({"AUTH_KEY": KEY, "API_URL": fake.url, **options})


def values(*texts):
    return [StringValue(text) for text in texts]


# Choosing DeepL's host and languages -----------------------------------------

def test_free_plan_keys_go_to_the_free_host_and_others_to_the_paid_one():
    assert DeepLTranslator({"AUTH_KEY": "0f1e2d3c-aaaa:fx"}).api_url() == FREE_API_URL == "https://api-free.deepl.com"
    assert DeepLTranslator({"AUTH_KEY": "0f1e2d3c-aaaa"}).api_url() == PRO_API_URL == "https://api.deepl.com"
    assert DeepLTranslator({"AUTH_KEY": "k:fx", "API_URL": "http://127.0.0.1:9/"}).api_url() == "http://127.0.0.1:9"


def test_translates_only_from_english_into_spanish_and_polish():
    translator = DeepLTranslator({"AUTH_KEY": KEY})
    assert translator.can_translate(ENGLISH, SPANISH)
    assert translator.can_translate(ENGLISH, POLISH)
    assert not translator.can_translate(SPANISH, ENGLISH)
    assert not translator.can_translate(SPANISH, POLISH)
    assert not translator.can_translate(ENGLISH, ENGLISH)
    assert not translator.can_translate(ENGLISH, Locale(language_code="de"))


def test_sends_the_key_as_deepl_asks_and_xml_tag_handling(fake_deepl):
    translator(fake_deepl).translate(ENGLISH, SPANISH, values("Hello"))

    request = fake_deepl.translate_requests()[0]
    assert request.headers["Authorization"] == f"DeepL-Auth-Key {KEY}"
    assert request.body["source_lang"] == "EN"
    assert request.body["target_lang"] == "ES"
    assert request.body["tag_handling"] == "xml"


def test_without_a_key_nothing_is_sent(fake_deepl):
    with pytest.raises(MachineTranslationError, match="DeepL has no key: set DEEPL_API_KEY"):
        DeepLTranslator({"AUTH_KEY": "", "API_URL": fake_deepl.url}).translate(ENGLISH, SPANISH, values("Hello"))
    assert fake_deepl.requests == []


# Batches within DeepL's limits --------------------------------------------

def test_120_segments_go_in_three_requests_in_order(fake_deepl):
    strings = values(*(f"Sentence {number}." for number in range(120)))

    translated = translator(fake_deepl).translate(ENGLISH, SPANISH, strings)

    assert [len(request.body["text"]) for request in fake_deepl.translate_requests()] == [50, 50, 20]
    assert [translated[string].data for string in strings] == [f"[ES] Sentence {number}." for number in range(120)]


def test_long_segments_are_split_by_request_size_in_order(fake_deepl):
    # Ten segments of 30 KB: four fit in DeepL's 128 KiB, five do not.
    strings = values(*(f"{number} " + "word " * 6000 for number in range(10)))

    translated = translator(fake_deepl).translate(ENGLISH, POLISH, strings)

    requests = fake_deepl.translate_requests()
    assert [len(request.body["text"]) for request in requests] == [4, 4, 2]
    assert all(request.size <= 128 * 1024 for request in requests)
    assert [translated[string].data.split()[:2] for string in strings] == [["[PL]", str(n)] for n in range(10)]


def test_a_segment_too_long_for_one_request_is_refused_before_anything_is_sent(fake_deepl):
    strings = values("A short one.", "word " * 30000)

    with pytest.raises(MachineTranslationError, match="longer than DeepL accepts"):
        translator(fake_deepl).translate(ENGLISH, SPANISH, strings)
    assert fake_deepl.translate_requests() == []


def test_rich_text_tags_and_surrounding_spaces_are_kept(fake_deepl):
    rich = StringValue('Read <b>this</b> and <a id="a1">our guide</a>.<br/>Then call.')
    spaced = StringValue(" before a link ")

    translated = translator(fake_deepl).translate(ENGLISH, SPANISH, [rich, spaced])

    assert translated[rich].data == '[ES] Read <b>this</b> and <a id="a1">our guide</a>.<br/>Then call.'
    assert translated[spaced].data == " [ES] before a link "
    assert fake_deepl.translate_requests()[0].body["text"][1] == "before a link"


def test_broken_markup_from_deepl_is_refused(fake_deepl):
    fake_deepl.answer_next(json.dumps({"translations": [{"text": '<div class="x">Hola</div>'}]}).encode())

    with pytest.raises(MachineTranslationError, match="changed the formatting"):
        translator(fake_deepl).translate(ENGLISH, SPANISH, values("<b>Hello</b>"))


def test_logs_counts_and_statuses_never_the_text(fake_deepl, caplog):
    # The portal's loggers do not propagate to the root logger caplog watches.
    logger = logging.getLogger("portal.deepl")
    logger.addHandler(caplog.handler)
    caplog.set_level(logging.INFO, logger="portal.deepl")
    fake_deepl.fail_next(None, 503)
    try:
        with pytest.raises(MachineTranslationError) as failure:
            translator(fake_deepl).translate(ENGLISH, SPANISH, values(*(f"Anxiety note {n}" for n in range(60))))
    finally:
        logger.removeHandler(caplog.handler)

    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "status 200" in logged and "status 503" in logged and "50 items" in logged
    assert "Anxiety" not in logged and "Anxiety" not in str(failure.value)


# The glossary -------------------------------------------------------------

def test_each_language_pair_gets_its_glossary_once(fake_deepl):
    translator(fake_deepl).translate(ENGLISH, SPANISH, values("Play therapy with CARE Counseling"))
    translator(fake_deepl).translate(ENGLISH, SPANISH, values("Our intake team", "telehealth"))
    translator(fake_deepl).translate(ENGLISH, POLISH, values("Play therapy"))

    created = fake_deepl.glossary_requests()
    assert [(r.body["source_lang"], r.body["target_lang"]) for r in created] == [("en", "es"), ("en", "pl")]
    assert "CARE Counseling\tCARE Counseling" in created[0].body["entries"].splitlines()
    spanish_id, polish_id = fake_deepl.glossaries
    assert [r.body["glossary_id"] for r in fake_deepl.translate_requests()] == [spanish_id, spanish_id, polish_id]
    assert all(r.body["source_lang"] == "EN" for r in fake_deepl.translate_requests())


def test_glossary_terms_reach_the_translation(fake_deepl):
    strings = values("Play therapy with CARE Counseling", "Our intake team offers telehealth.")

    translated = translator(fake_deepl).translate(ENGLISH, SPANISH, strings)

    assert [translated[string].data for string in strings] == [
        "[ES] Terapia de juego with CARE Counseling",
        "[ES] Our equipo de admisión offers telesalud.",
    ]


def test_a_changed_glossary_is_created_anew(fake_deepl, monkeypatch):
    translator(fake_deepl).translate(ENGLISH, SPANISH, values("Hello"))
    monkeypatch.setitem(GLOSSARIES, ("en", "es"), {**GLOSSARIES[("en", "es")], "waiting room": "sala de espera"})

    translator(fake_deepl).translate(ENGLISH, SPANISH, values("The waiting room"))

    first, second = fake_deepl.glossary_requests()
    assert "waiting room\tsala de espera" in second.body["entries"].splitlines()
    assert fake_deepl.translate_requests()[1].body["glossary_id"] == list(fake_deepl.glossaries)[1]


def test_a_glossary_deleted_at_deepl_is_made_again(fake_deepl):
    translator(fake_deepl).translate(ENGLISH, SPANISH, values("Hello"))
    fake_deepl.glossaries.clear()  # someone deleted it in DeepL's account

    translated = translator(fake_deepl).translate(ENGLISH, SPANISH, values("Play therapy"))

    assert list(translated.values())[0].data == "[ES] Terapia de juego"
    assert len(fake_deepl.glossary_requests()) == 2


def test_a_failed_glossary_creation_is_a_clear_error(fake_deepl):
    fake_deepl.fail_next(456, path="/v2/glossaries")

    with pytest.raises(MachineTranslationError, match="monthly character quota is used up"):
        translator(fake_deepl).translate(ENGLISH, SPANISH, values("Hello"))
    assert fake_deepl.translate_requests() == []


# Through the translation editor ---------------------------------------------

def spanish_draft_of(client, homes, admin_user, body):
    """(Spanish draft, its wagtail-localize Translation) of a new English
    page, nothing translated yet; a signed-in superuser on ``client``."""
    page = StandardPageFactory(
        parent=homes["en"], title="Parking and arrival", slug="parking", intro="Where to park.", body=body
    )
    translate_object(page, [locale("es")], user=admin_user)  # what "Translate this page" does
    sign_in(client, admin_user)
    return page.get_translation(locale("es")), Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale("es")
    )


@pytest.fixture
def spanish_draft(client, homes, admin_user):
    link = '<p>Read <b>this</b> and <a href="https://example.org/">our guide</a>.</p>'
    return spanish_draft_of(client, homes, admin_user, body=[("paragraph", RichText(link))])


@pytest.fixture
def deepl_configured(fake_deepl, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": KEY, "API_URL": fake_deepl.url, "TIMEOUT": "0.5"},
    }
    return fake_deepl


def press_translate(client, draft, translation):
    """The editor's "Translate with ..." button; returns the page it leads back to."""
    editor = f"http://testserver/admin/pages/{draft.pk}/edit/"
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": editor}, follow=True
    )
    assert response.redirect_chain[0] == (editor, 302)
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def machine_translations(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale, translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )


def test_the_editor_offers_deepl(client, spanish_draft, deepl_configured):
    draft, translation = spanish_draft

    page = html.unescape(client.get(f"/admin/pages/{draft.pk}/edit/").content.decode())

    assert '"machineTranslator": {"name": "DeepL"' in page


def test_deepl_fills_every_segment_and_publishes_nothing(client, spanish_draft, deepl_configured):
    draft, translation = spanish_draft

    page = press_translate(client, draft, translation)

    assert "Successfully translated with DeepL." in page
    saved = machine_translations(translation)
    assert saved.count() == StringSegment.objects.filter(source=translation.source).count() > 3
    assert set(saved.values_list("tool_name", flat=True)) == {"DeepL"}
    assert saved.get(context__path="title").data == "[ES] Parking and arrival"
    assert saved.filter(data='[ES] Read <b>this</b> and <a id="a1">our guide</a>.').exists()
    # A machine draft waits for a person: the Spanish page is not public.
    draft.refresh_from_db()
    assert not draft.live
    assert client.get("/es/parking/").status_code == 404

    # The link's address comes back when the translation is saved.
    translation.save_target(user=None, publish=False)
    draft.refresh_from_db()
    body = draft.get_latest_revision_as_object().body
    assert '<a href="https://example.org/">our guide</a>' in str(body[0].value.source)


def test_a_used_up_quota_is_shown_and_nothing_is_saved(client, spanish_draft, deepl_configured):
    draft, translation = spanish_draft
    deepl_configured.fail_next(456)

    page = press_translate(client, draft, translation)

    assert "Machine translation failed, nothing was saved. DeepL's monthly character quota is used up." in page
    assert not machine_translations(translation).exists()


def misbehave(fake, how):
    """Make the fake DeepL fail in one of the ways the real one can."""
    if isinstance(how, int):
        fake.fail_next(how)
    elif how == "glossary refused":
        fake.fail_next(403, path="/v2/glossaries")
    elif how == "malformed JSON":
        fake.answer_next(b"<html>Bad gateway</html>")
    elif how == "too few translations":
        fake.answer_next(json.dumps({"translations": [{"text": "Hola"}]}).encode())
    elif how == "slow":
        fake.delay = 1.5


@pytest.mark.parametrize("how, message", [
    (403, "DeepL refused the key: check DEEPL_API_KEY"),
    ("glossary refused", "DeepL refused the key: check DEEPL_API_KEY"),
    (413, "This text is too large for one DeepL request."),
    (429, "DeepL is receiving too many requests right now. Wait a minute, then try again."),
    (500, "DeepL is having trouble (status 500). Try again in a few minutes."),
    (503, "DeepL is having trouble (status 503). Try again in a few minutes."),
    ("malformed JSON", "DeepL sent an answer the site could not read."),
    ("too few translations", "DeepL sent an answer the site could not read."),
    ("slow", "DeepL did not answer in time. Try again in a few minutes."),
])
def test_each_failure_reaches_the_translator_and_saves_nothing(client, spanish_draft, deepl_configured, how, message):
    draft, translation = spanish_draft
    misbehave(deepl_configured, how)

    page = press_translate(client, draft, translation)

    assert "Machine translation failed, nothing was saved. " + message in page
    assert not machine_translations(translation).exists()


def test_a_failure_after_the_first_batch_saves_nothing_either(client, homes, admin_user, deepl_configured):
    paragraphs = "".join(f"<p>Paragraph {number} about parking.</p>" for number in range(60))
    draft, translation = spanish_draft_of(client, homes, admin_user, body=[("paragraph", RichText(paragraphs))])
    deepl_configured.fail_next(None, 503)  # the first request succeeds, the second fails

    page = press_translate(client, draft, translation)

    assert "Machine translation failed, nothing was saved. DeepL is having trouble (status 503)." in page
    assert len(deepl_configured.translate_requests()) == 2
    assert not machine_translations(translation).exists()


def test_an_unreachable_deepl_is_shown_and_nothing_is_saved(client, spanish_draft, settings):
    draft, translation = spanish_draft
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "portal.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": KEY, "API_URL": f"http://127.0.0.1:{free_port()}"},
    }

    page = press_translate(client, draft, translation)

    assert "Machine translation failed, nothing was saved. The site could not reach DeepL." in page
    assert not machine_translations(translation).exists()


def test_the_dummy_translator_works_through_the_same_button(client, spanish_draft, settings):
    draft, translation = spanish_draft
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
    }

    page = press_translate(client, draft, translation)

    assert "Successfully translated with Dummy translator." in page
    assert machine_translations(translation).get(context__path="title").data == "arrival and Parking"
    draft.refresh_from_db()
    assert not draft.live


def test_without_a_machine_translator_there_is_no_button(client, spanish_draft, settings):
    draft, translation = spanish_draft
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None

    page = html.unescape(client.get(f"/admin/pages/{draft.pk}/edit/").content.decode())

    assert '"machineTranslator": null' in page
    assert client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk])).status_code == 404


# Settings -------------------------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "k3#n9v!q2L0x8@pZr5Tg7Wm1Yc4Hb6Jd9Fs2Aq8Ee0Uo3Ii5Nl7Rt1Gy4Vw6Xz",
    "ALLOWED_HOSTS": "care.example.org",
    "DATABASE_URL": "postgres://portal:secret@db.example.org:5432/portal",
    "REDIS_URL": "redis://redis.example.org:6379/1",
    "WAGTAILADMIN_BASE_URL": "https://care.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "INQUIRY_ENCRYPTION_KEYS": "dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
}


def machine_translator_setting(**environment):
    clean = {key: value for key, value in os.environ.items() if key not in VARIABLES}
    result = subprocess.run(
        [sys.executable, "-c", "import json; from django.conf import settings; "
                               "print(json.dumps(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR))"],
        cwd=REPO, env={**clean, **environment}, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_without_a_key_has_no_machine_translator():
    assert machine_translator_setting(**PRODUCTION_ENV) is None


def test_production_with_a_key_uses_deepl():
    setting = machine_translator_setting(**PRODUCTION_ENV, DEEPL_API_KEY="0f1e2d3c:fx")
    assert setting == {"CLASS": "portal.deepl.DeepLTranslator",
                       "OPTIONS": {"AUTH_KEY": "0f1e2d3c:fx", "API_URL": ""}}


def test_the_demo_without_a_key_has_the_dummy_translator():
    setting = machine_translator_setting(DJANGO_SETTINGS_MODULE="portal.settings.dev")
    assert setting == {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
