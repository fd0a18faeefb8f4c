"""DeepL behind wagtail-localize's "Translate with DeepL" button.

wagtail-localize hands ``translate()`` every untranslated segment of a page
or snippet and saves whatever comes back as machine translations (drafts: a
person still reviews and publishes them). This translator either returns a
translation for every segment or raises ``MachineTranslationError``, whose
message tells the translator what to do; portal/deepl_views.py turns it into
an admin error message. So a failure never saves half a translation.

Segment text can be health information: nothing here logs it or puts it in
an exception message; logs carry counts, sizes and status codes only.

Configured by WAGTAILLOCALIZE_MACHINE_TRANSLATOR (portal/settings/base.py)
with these OPTIONS: AUTH_KEY (DEEPL_API_KEY), API_URL (DEEPL_API_URL, empty
for DeepL's own host), TIMEOUT (seconds per request).
"""

import hashlib
import json
import logging

import requests
from django.core.cache import cache
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue, lstrip_keep, rstrip_keep

from portal.deepl_glossary import GLOSSARIES

logger = logging.getLogger(__name__)

FREE_API_URL = "https://api-free.deepl.com"  # keys of the free plan end in ":fx"
PRO_API_URL = "https://api.deepl.com"
# DeepL's limits for one /v2/translate request.
MAX_TEXTS_PER_REQUEST = 50
MAX_REQUEST_BYTES = 128 * 1024
# Several requests may run inside one admin request (gunicorn gives it 30 s).
DEFAULT_TIMEOUT_SECONDS = 20
CONNECT_TIMEOUT_SECONDS = 5

SOURCE_LANGUAGE = "en"
TARGET_LANGUAGES = {"es", "pl"}

ERRORS_BY_STATUS = {
    400: "DeepL could not read the site's request (status 400). Tell the site's administrator.",
    401: "DeepL refused the key: check DEEPL_API_KEY.",
    403: "DeepL refused the key: check DEEPL_API_KEY (a free-plan key ends in \":fx\").",
    404: "DeepL does not know the address the site uses: check DEEPL_API_URL.",
    413: "This text is too large for one DeepL request. Translate its longest passages by hand, "
         "then try the rest again.",
    414: "This text is too large for one DeepL request. Translate its longest passages by hand, "
         "then try the rest again.",
    429: "DeepL is receiving too many requests right now. Wait a minute, then try again.",
    456: "DeepL's monthly character quota is used up. Translate by hand, or ask the site's "
         "administrator to raise the DeepL plan's limit.",
}


class MachineTranslationError(Exception):
    """Machine translation failed; the message says what the translator can do."""


class GlossaryNotFound(MachineTranslationError):
    """DeepL no longer has the glossary the cache remembers (deleted at DeepL)."""


def language_code(locale):
    return locale.language_code.split("-")[0].lower()


def error_for_status(status_code):
    if status_code in ERRORS_BY_STATUS:
        return MachineTranslationError(ERRORS_BY_STATUS[status_code])
    if status_code >= 500:
        return MachineTranslationError(
            f"DeepL is having trouble (status {status_code}). Try again in a few minutes."
        )
    return MachineTranslationError(
        f"DeepL answered with status {status_code}. Tell the site's administrator."
    )


UNREADABLE_ANSWER = "DeepL sent an answer the site could not read. Try again; if it happens again, " \
                    "tell the site's administrator."


class DeepLTranslator(BaseMachineTranslator):
    display_name = "DeepL"

    # Configuration --------------------------------------------------------

    @property
    def auth_key(self):
        return (self.options.get("AUTH_KEY") or "").strip()

    def api_url(self):
        """Base URL of the API, without /v2 (API_URL overrides, for tests)."""
        if self.options.get("API_URL"):
            return self.options["API_URL"].rstrip("/")
        return FREE_API_URL if self.auth_key.endswith(":fx") else PRO_API_URL

    def timeout(self):
        return (CONNECT_TIMEOUT_SECONDS, float(self.options.get("TIMEOUT") or DEFAULT_TIMEOUT_SECONDS))

    def can_translate(self, source_locale, target_locale):
        return language_code(source_locale) == SOURCE_LANGUAGE and language_code(target_locale) in TARGET_LANGUAGES

    # Translation ----------------------------------------------------------

    def translate(self, source_locale, target_locale, strings):
        """{StringValue: translated StringValue} for every one of ``strings``, or an error."""
        if not self.auth_key:
            raise MachineTranslationError("DeepL has no key: set DEEPL_API_KEY.")
        strings = list(strings)
        if not strings:
            return {}
        target = language_code(target_locale)
        try:
            texts = self.translate_texts([string.data for string in strings], target)
        except GlossaryNotFound:
            # The remembered glossary was deleted at DeepL: make it again, once.
            self.forget_glossary(target)
            texts = self.translate_texts([string.data for string in strings], target)
        return dict(zip(strings, (self.string_value(text) for text in texts), strict=True))

    def translate_texts(self, texts, target):
        """Translated texts in the order of ``texts``, a request per batch."""
        # DeepL may trim a segment's surrounding spaces; they matter between
        # segments of one sentence, so they are kept aside and put back.
        stripped, lefts, rights = [], [], []
        for text in texts:
            text, left = lstrip_keep(text)
            text, right = rstrip_keep(text)
            stripped.append(text)
            lefts.append(left)
            rights.append(right)

        parameters = {
            "source_lang": SOURCE_LANGUAGE.upper(),
            "target_lang": target.upper(),
            # Segments are XML-safe HTML fragments with inline tags only
            # (<b>, <a id="a1">, <br/>): DeepL translates around the tags.
            "tag_handling": "xml",
        }
        glossary_id = self.glossary_id(target)
        if glossary_id:
            parameters["glossary_id"] = glossary_id

        translated = []
        for batch in self.batches(stripped, parameters):
            translated += self.translate_batch(batch, parameters, uses_glossary=bool(glossary_id))
        return [left + text + right for left, text, right in zip(lefts, translated, rights, strict=True)]

    @staticmethod
    def request_body(parameters, texts):
        return json.dumps({**parameters, "text": texts}, separators=(",", ":")).encode()

    def batches(self, texts, parameters):
        """``texts`` in order, split so each request stays within DeepL's limits.
        Every batch is worked out before the first request is sent."""
        batches, batch = [], []
        for text in texts:
            if len(self.request_body(parameters, [text])) > MAX_REQUEST_BYTES:
                raise MachineTranslationError(
                    "One passage of this text is longer than DeepL accepts in a request (128 KiB). "
                    "Translate that passage by hand, then try the rest again."
                )
            candidate = batch + [text]
            if len(candidate) > MAX_TEXTS_PER_REQUEST or len(self.request_body(parameters, candidate)) > MAX_REQUEST_BYTES:
                batches.append(batch)
                candidate = [text]
            batch = candidate
        if batch:
            batches.append(batch)
        return batches

    def translate_batch(self, texts, parameters, uses_glossary):
        body = self.request_body(parameters, texts)
        response = self.post("/v2/translate", body, count=len(texts))
        if response.status_code == 404 and uses_glossary:
            raise GlossaryNotFound(ERRORS_BY_STATUS[404])
        answer = self.json_answer(response)
        translations = answer.get("translations") if isinstance(answer, dict) else None
        if not isinstance(translations, list) or len(translations) != len(texts):
            logger.warning("DeepL returned %s translations for %d texts",
                           len(translations) if isinstance(translations, list) else "no", len(texts))
            raise MachineTranslationError(UNREADABLE_ANSWER)
        if not all(isinstance(item, dict) and isinstance(item.get("text"), str) for item in translations):
            raise MachineTranslationError(UNREADABLE_ANSWER)
        return [item["text"] for item in translations]

    @staticmethod
    def string_value(text):
        """The translated fragment, checked as wagtail-localize checks a translator's HTML."""
        try:
            return StringValue.from_translated_html(text)
        except ValueError:
            # The ValueError names a tag, never the text.
            raise MachineTranslationError(
                "DeepL changed the formatting of a passage (a link or emphasis) in a way the site "
                "cannot use. Translate this text by hand."
            ) from None

    # Glossaries -----------------------------------------------------------

    def glossary_cache_key(self, target):
        entries_tsv = self.glossary_tsv(target)
        entries_hash = hashlib.sha256(entries_tsv.encode()).hexdigest()[:32]
        # Glossaries belong to a DeepL account: another key needs its own.
        account_hash = hashlib.sha256(f"{self.api_url()} {self.auth_key}".encode()).hexdigest()[:16]
        return f"deepl-glossary:{account_hash}:{SOURCE_LANGUAGE}-{target}:{entries_hash}"

    @staticmethod
    def glossary_tsv(target):
        entries = GLOSSARIES.get((SOURCE_LANGUAGE, target), {})
        return "\n".join(f"{source}\t{translation}" for source, translation in sorted(entries.items()))

    def glossary_id(self, target):
        """The id of this language pair's glossary at DeepL, created the first
        time and remembered in the cache under a hash of its entries (changed
        entries: a new glossary). None when the pair has no entries."""
        entries_tsv = self.glossary_tsv(target)
        if not entries_tsv:
            return None
        cache_key = self.glossary_cache_key(target)
        glossary_id = cache.get(cache_key)
        if glossary_id:
            return glossary_id
        body = json.dumps({
            "name": f"CARE Counseling {SOURCE_LANGUAGE}-{target} {cache_key.rsplit(':', 1)[1][:12]}",
            "source_lang": SOURCE_LANGUAGE,
            "target_lang": target,
            "entries": entries_tsv,
            "entries_format": "tsv",
        }).encode()
        answer = self.json_answer(self.post("/v2/glossaries", body, count=entries_tsv.count("\n") + 1))
        glossary_id = answer.get("glossary_id") if isinstance(answer, dict) else None
        if not isinstance(glossary_id, str) or not glossary_id:
            raise MachineTranslationError(UNREADABLE_ANSWER)
        cache.set(cache_key, glossary_id, timeout=None)
        return glossary_id

    def forget_glossary(self, target):
        cache.delete(self.glossary_cache_key(target))

    # HTTP -----------------------------------------------------------------

    def post(self, path, body, count):
        """The response to a POST of the JSON ``body``; connection failures
        raise. ``count`` (texts or entries) is only for the log."""
        try:
            response = requests.post(
                self.api_url() + path,
                data=body,
                headers={
                    "Authorization": f"DeepL-Auth-Key {self.auth_key}",
                    "Content-Type": "application/json",
                },
                timeout=self.timeout(),
            )
        except requests.Timeout:
            logger.warning("DeepL %s: no answer in time (%d items, %d bytes)", path, count, len(body))
            raise MachineTranslationError("DeepL did not answer in time. Try again in a few minutes.") from None
        except requests.RequestException as error:
            logger.warning("DeepL %s: could not connect (%s)", path, type(error).__name__)
            raise MachineTranslationError(
                "The site could not reach DeepL. Try again later; if it keeps happening, tell the "
                "site's administrator."
            ) from None
        logger.info("DeepL %s: %d items, %d bytes, status %d", path, count, len(body), response.status_code)
        return response

    @staticmethod
    def json_answer(response):
        """The decoded answer of a successful response; any HTTP error raises."""
        if response.status_code >= 400:
            raise error_for_status(response.status_code)
        try:
            return response.json()
        except ValueError:
            raise MachineTranslationError(UNREADABLE_ANSWER) from None
