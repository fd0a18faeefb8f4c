"""The embedded demo: SQLite, filesystem broker, e-mail written to files."""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR
from .environment import env

DEBUG = True
SECRET_KEY = env("SECRET_KEY", "dev-only-secret-key-never-use-in-production-0123456789abcdef")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

EMAIL_BACKEND = env("EMAIL_BACKEND") or "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Only the dev settings may create demo content and demo logins.
DEMO_CONTENT_ALLOWED = True

# The demo's file cache cannot increment atomically, so django-ratelimit's
# counts are approximate there; production uses Redis.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
