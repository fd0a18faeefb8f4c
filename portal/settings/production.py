"""Production: PostgreSQL, Redis, SMTP, HTTPS. Refuses to start half-configured."""

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import MIDDLEWARE, TWO_FACTOR_ENFORCED
from .environment import env, env_bool, env_int, env_list, require

# Redis is the broker and the cache the appointment form counts requests in;
# the base URL is where inquiry e-mails send intake staff. EMAIL_HOST has no
# default here: production never sends to whatever listens on localhost.
require(
    "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "WAGTAILADMIN_BASE_URL",
    "EMAIL_HOST", "INQUIRY_ENCRYPTION_KEYS",
)

DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL"), conn_max_age=env_int("DATABASE_CONN_MAX_AGE"), conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that stops answering fails a request (and /healthz/) in seconds.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = 5

# Static files straight from gunicorn, compressed and cached forever.
MIDDLEWARE = [
    MIDDLEWARE[0],  # SecurityMiddleware stays first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],
]
STORAGES = {
    "default": STORAGES["default"],  # noqa: F405  MEDIA_ROOT, or the bucket when one is set (base.py)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
_missing_keys = [name for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY") if not (env(name) or "").strip()]
if AWS_STORAGE_BUCKET_NAME and _missing_keys:  # noqa: F405
    raise ImproperlyConfigured(
        f"AWS_STORAGE_BUCKET_NAME is set, so production also needs {', '.join(_missing_keys)}. "
        "See the configuration table in README.md."
    )

# HTTPS everywhere. The site sits behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
# /healthz/ is probed over plain HTTP from inside the deployment network.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Preloading HSTS is a one-way door; it stays a deliberate choice
# (SECURE_HSTS_PRELOAD), so the reminder check is silenced when it is off.
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, *([] if SECURE_HSTS_PRELOAD else ["security.W021"])]  # noqa: F405

DEMO_CONTENT_ALLOWED = False

# Turning two-factor enforcement off is for the demo only.
if not TWO_FACTOR_ENFORCED:
    raise ImproperlyConfigured(
        "TWO_FACTOR_ENFORCED=false is for the demo only; production always asks staff for their code."
    )
