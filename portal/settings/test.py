"""Settings for pytest. The test fixtures point DATABASES at a throwaway
PostgreSQL server (or SQLite for the smoke run) before any test touches it."""

import tempfile

from .base import *  # noqa: F401,F403
from .environment import env

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if env("TEST_DATABASE") == "sqlite":
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
else:
    # HOST, PORT and USER are filled in by tests/conftest.py once its
    # throwaway PostgreSQL server is up.
    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "portal"}}
# Big enough that nothing is culled mid-test (renditions, fragments and the
# page cache's generation share it), as nothing is in Redis.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 100_000}}
}
# Tests see freshly rendered pages; tests/portal/test_page_cache.py turns the
# page cache on, tests/query_counting.py the fragments.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")

CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = False

DEMO_CONTENT_ALLOWED = True
WAGTAILADMIN_BASE_URL = "http://testserver"
INQUIRY_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE="]
# Every probe of /healthz/ runs the checks (tests of the cache set it back).
HEALTH_CACHE_SECONDS = 0
# Staff sign in as in production: two-factor codes for the required roles
# (tests/portal/staff.py signs them in with a verified session).
TWO_FACTOR_ENFORCED = True
TWO_FACTOR_FOR_ALL_STAFF = False

# Without a DeepL key, wagtail-localize's dummy translator (it reverses the
# words) lets the "Translate" button be tried.
if not DEEPL_API_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
