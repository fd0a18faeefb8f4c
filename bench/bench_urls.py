"""The portal as gunicorn serves it, plus a bare view, for bench/pages.py.

gunicorn runs ``bench.bench_urls:application`` instead of
``portal.wsgi:application``: the same settings (DJANGO_SETTINGS_MODULE from
the environment, the production settings by default) with ROOT_URLCONF
pointed here, so /bench/bare/ passes through the full middleware stack like
every page. The settings take ROOT_URLCONF from no environment variable,
hence this module.
"""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
settings.ROOT_URLCONF = __name__
# The bare view is the baseline of a rendered response: never from the page cache.
settings.PAGE_CACHE_NEVER_PATHS = (*settings.PAGE_CACHE_NEVER_PATHS, "/bench/")
application = get_wsgi_application()

import portal.urls  # noqa: E402  (its views need the apps loaded just above)


def bare_view(request):
    return HttpResponse("ok")


# The bare view first, then the portal's URLs as they are (not include():
# LocaleMiddleware looks for i18n_patterns at the top level).
urlpatterns = [path("bench/bare/", bare_view), *portal.urls.urlpatterns]
