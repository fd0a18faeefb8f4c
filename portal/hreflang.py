"""Which URL shows the current page in each language.

Used by the language switcher and by the canonical and hreflang links in
<head>. A page without a live translation in some language points visitors
to that language's home page instead, and is left out of hreflang. Alias
copies (English content under a Spanish address) never count as
translations. Django views under the language prefixes (site search) map
to their own address in each language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site


@dataclass(frozen=True)
class Alternate:
    language_code: str
    native_name: str
    url: str  # relative, for links on the page
    full_url: str  # absolute, for canonical and hreflang
    is_current: bool
    is_translation: bool  # False when the URL is only that language's home page


def _live_by_language(pages, request):
    urls = {}
    for page in pages:
        url = page.get_url(request)
        if url:
            urls[page.locale.language_code] = (url, page.get_full_url(request))
    return urls


def _view_by_language(request):
    """A Django view's (not a page's) address in every language, from the
    translated URL patterns; without the query string."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name in (None, "wagtail_serve"):
        return {}
    urls = {}
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        urls[code] = (url, request.build_absolute_uri(url))
    return urls


def alternates_for(request, page=None) -> list[Alternate]:
    current = get_language()
    if page is not None and page.pk:
        translations = _live_by_language(
            page.get_translations(inclusive=True).live().filter(alias_of__isnull=True).select_related("locale"),
            request,
        )
    else:
        translations = _view_by_language(request)
    homes = {}
    if len(translations) < len(settings.LANGUAGES):
        site = Site.find_for_request(request)
        if site is not None:
            root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            roots = Page.objects.filter(translation_key__in=root_key).live()
            homes = _live_by_language(roots.select_related("locale"), request)

    alternates = []
    for code, _name in settings.LANGUAGES:
        urls = translations.get(code) or homes.get(code)
        if urls:
            alternates.append(
                Alternate(
                    language_code=code,
                    native_name=settings.NATIVE_LANGUAGE_NAMES[code],
                    url=urls[0],
                    full_url=urls[1],
                    is_current=code == current,
                    is_translation=code in translations,
                )
            )
    return alternates
