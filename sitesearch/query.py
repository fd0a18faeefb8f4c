"""What a site search finds and how each result is shown.

A search covers the live, public pages of the visitor's language under the
site's home page in that language, never aliases (they repeat another
page). Each result carries its title, a type label ("Office", "Article") and
a snippet with the words searched for in <mark>: every piece of page text and
of the query is escaped first, so neither can inject markup.

Nothing here stores or logs the query: Wagtail records searches only when a
view calls ``Query.get(...).add_hit()``, and nothing does.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from locations.models import LocationIndexPage
from sitesearch.backend import for_language

MAX_QUERY_LENGTH = 200
MAX_QUERY_WORDS = 12  # more words only slow the query down; nobody types them
RESULTS_PER_PAGE = 10
EXCERPT_WORDS_BEFORE = 12
EXCERPT_WORDS = 35

# Labels by model, as strings: this app sits beside the apps that define
# most of these page types and must not import them.
PAGE_TYPE_LABELS = {
    "portal.homepage": _("Home page"),
    "portal.standardpage": _("Page"),
    "locations.locationindexpage": _("Office finder"),
    "locations.locationpage": _("Office"),
    "approaches.approachindexpage": _("Approaches"),
    "approaches.approachpage": _("Approach"),
    "approaches.clinicianindexpage": _("Clinician directory"),
    "approaches.clinicianpage": _("Clinician"),
    "blog.blogindexpage": _("Articles"),
    "blog.articlepage": _("Article"),
    "inquiries.appointmentrequestpage": _("Appointment request"),
}

WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class CleanQuery:
    text: str  # what is searched for; "" for no search
    was_shortened: bool


def clean_query(raw):
    """The visitor's ``q`` made safe to search and show: control and
    invisible formatting characters (NUL, zero-width joiners) dropped,
    whitespace collapsed, at most MAX_QUERY_LENGTH characters."""
    text = unicodedata.normalize("NFC", raw or "")
    text = "".join(" " if char.isspace() else char for char in text
                   if char.isspace() or not unicodedata.category(char).startswith("C"))
    text = " ".join(text.split())
    was_shortened = len(text) > MAX_QUERY_LENGTH
    if was_shortened:
        text = text[:MAX_QUERY_LENGTH].rstrip()
    return CleanQuery(text=text, was_shortened=was_shortened)


def _search_text(text):
    """The words the search engine gets: letters and digits only, so that
    punctuation can never be read as query syntax."""
    return " ".join(WORD.findall(text)[:MAX_QUERY_WORDS])


def searchable_pages(site_root):
    """The pages a visitor may find under ``site_root`` (this language's home page)."""
    aliases = Page.objects.filter(alias_of__isnull=False).values("pk")
    return (
        Page.objects.live().public().descendant_of(site_root, inclusive=True)
        .filter(locale_id=site_root.locale_id)
        .exclude(pk__in=aliases)
    )


def search_pages(text, site_root):
    """Search results (lazy, sliceable, countable) for ``text`` among
    ``searchable_pages``, best first, in the language of ``site_root``."""
    words = _search_text(text)
    if not words:
        return []
    backend = for_language(get_search_backend(), site_root.locale.language_code)
    return backend.search(words, searchable_pages(site_root), operator="and")


def paginate(results, page_number):
    """One page of ``results``, or None when ``page_number`` is not a page
    (page 1 of no results exists: it shows the empty state)."""
    paginator = Paginator(results, RESULTS_PER_PAGE, allow_empty_first_page=True)
    try:
        return paginator.page(page_number)
    except (EmptyPage, PageNotAnInteger):
        return None


@dataclass
class Result:
    page: Page  # the specific page
    url: str
    type_label: str
    title: str  # safe HTML, words searched for marked
    snippet: str  # safe HTML, words searched for marked; may be ""


def results_for(pages, text, request):
    """``pages`` (one page of search results) as Results, in the same order."""
    ids = [page.pk for page in pages]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    matcher = WordMatcher(text)
    results = []
    for page_id in ids:
        page = specific.get(page_id)
        if page is None:
            continue
        results.append(Result(
            page=page,
            url=page.get_url(request),
            type_label=PAGE_TYPE_LABELS.get(page._meta.label_lower, _("Page")),
            title=matcher.highlight(page.title),
            snippet=snippet(page, matcher),
        ))
    return results


def snippet(page, matcher):
    """The page's description where it mentions a word searched for, else
    the body text around the first mention, else the description or the
    start of the body text."""
    description = _description(page)
    if matcher.matches(description):
        return matcher.highlight(description)
    body = _body_text(page)
    around = matcher.excerpt(body)
    if around:
        return around
    return matcher.highlight(description) if description else matcher.excerpt(body, at_start=True)


def _description(page):
    describe = getattr(page, "get_meta_description", None)
    description = (describe() if describe else page.search_description) or getattr(page, "listing_summary", "")
    return " ".join(str(description or "").split())


def _body_text(page):
    """The text the search index holds for ``page`` besides its title."""
    texts = []
    for field in page.get_search_fields():
        if isinstance(field, index.SearchField) and field.field_name != "title":
            texts.extend(_flatten(field.get_value(page)))
    return " ".join(" ".join(texts).split())


def _flatten(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _flatten(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flatten(item)]
    return [str(value)]


def _fold(word):
    """Lower case without accents: "Niños" and "ninos" compare equal."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class WordMatcher:
    """Finds the words searched for in page text, roughly as the search
    engine's stemming does: a word matches when it starts like a query word
    ("anxious" for "anxiety", "playing" for "play"); words shorter than four
    letters only match themselves."""

    def __init__(self, text):
        words = {_fold(word) for word in WORD.findall(text)}
        # Short words ("of", "the", "ZIP") only match themselves.
        self.exact = {word for word in words if len(word) < 4}
        self.prefixes = {word[:max(4, len(word) - 3)] for word in words if len(word) >= 4}

    def is_match(self, word):
        folded = _fold(word)
        return folded in self.exact or any(folded.startswith(prefix) for prefix in self.prefixes)

    def matches(self, text):
        return any(self.is_match(match.group()) for match in WORD.finditer(text or ""))

    def highlight(self, text):
        """``text`` escaped, with matching words in <mark>."""
        return mark_safe(self._marked(text or ""))

    def _marked(self, text):
        parts, position = [], 0
        for match in WORD.finditer(text):
            if self.is_match(match.group()):
                parts.append(escape(text[position:match.start()]))
                parts.append(f"<mark>{escape(match.group())}</mark>")
                position = match.end()
        parts.append(escape(text[position:]))
        return "".join(parts)

    def excerpt(self, text, at_start=False):
        """About EXCERPT_WORDS words of ``text`` around its first matching
        word (or from its start), escaped and marked; "" if nothing matches."""
        words = text.split()
        if at_start:
            first = 0
        else:
            first = next((number for number, word in enumerate(words) if self.matches(word)), None)
            if first is None:
                return ""
        start = max(0, first - EXCERPT_WORDS_BEFORE)
        end = min(len(words), start + EXCERPT_WORDS)
        marked = self._marked(" ".join(words[start:end]))
        return mark_safe(("… " if start else "") + marked + (" …" if end < len(words) else ""))


def office_finder(locale):
    """The office finder page in ``locale``, or None if it has none."""
    return LocationIndexPage.objects.live().public().filter(locale=locale).first()


def menu_pages(site_root):
    """The pages of this language's main menu, offered when nothing is found."""
    return site_root.get_children().live().public().in_menu().specific()
