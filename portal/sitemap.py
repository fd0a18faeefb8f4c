"""/sitemap.xml with every live page in every language, and /robots.txt.

Wagtail's own sitemap walks only the default site's root page, which is the
English home page: the Spanish and Polish trees sit beside it. This one lists
the live, public pages under every translation of the root, and gives each
the ``xhtml:link`` alternates of its live translations (plus ``x-default``,
the English page), the same set the pages' hreflang links name. Pages marked
"hide from search engines" are left out.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

# Kept out of search engines: the admin, search results, the thank-you page
# after an appointment request (its path is the same in every language).
ROBOTS_DISALLOW = ["/admin/", "/search/", "/es/buscar/", "/pl/szukaj/", "/*/thanks/"]


class MultilingualSitemap(Sitemap):
    def _site_pages(self):
        site = self.get_wagtail_site()
        roots = Page.objects.filter(translation_key=site.root_page.translation_key).values_list("path", flat=True)
        under_a_root = Q()
        for path in roots:
            under_a_root |= Q(path__startswith=path)
        return Page.objects.filter(under_a_root).live().public()

    def items(self):
        return self._site_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = []
        pages = [p for p in self.paginator.page(page).object_list if not getattr(p, "noindex", False)]
        translations = defaultdict(list)
        listed = self._site_pages().filter(translation_key__in={p.translation_key for p in pages})
        for translation in listed.select_related("locale").specific(defer=True):
            if not getattr(translation, "noindex", False):
                translations[translation.translation_key].append(translation)
        for item in pages:
            for url_info in item.get_sitemap_urls(self.request):
                alternates = [
                    {"lang_code": t.locale.language_code, "location": t.get_full_url(self.request)}
                    for t in sorted(translations[item.translation_key], key=lambda t: t.locale.language_code)
                ]
                default = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None)
                if len(alternates) > 1:
                    url_info["alternates"] = alternates + (
                        [{"lang_code": "x-default", "location": default["location"]}] if default else []
                    )
                urls.append(url_info)
        self.latest_lastmod = max((u["lastmod"] for u in urls if u.get("lastmod")), default=None)
        return urls


@require_GET
def robots_txt(request):
    lines = ["User-agent: *", *[f"Disallow: {path}" for path in ROBOTS_DISALLOW], "",
             f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
