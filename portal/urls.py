from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve as serve_file
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from portal.csp_reports import csp_report
from portal.health import healthz
from portal.sitemap import MultilingualSitemap, robots_txt

# Machine endpoints and the admin have no language prefix.
urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("csp-report/", csp_report, name="csp_report"),
    path("robots.txt", robots_txt, name="robots_txt"),
    # Browsers and feed readers ask for /favicon.ico whatever the page links.
    # (resolved per request: the hashed name comes from the manifest after collectstatic)
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("brand/favicon.ico"))),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:  # the demo only: production serves uploads from its web server or S3
    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT})]

# English at /, Spanish at /es/, Polish at /pl/.
urlpatterns += i18n_patterns(
    # Site search at a translated path: /search/, /es/buscar/, /pl/szukaj/
    # (before Wagtail's catch-all). Included by name: portal sits below sitesearch.
    path(_("search/"), include("sitesearch.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
