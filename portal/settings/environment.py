"""Every environment variable the portal reads, in one place.

Settings modules read configuration only through ``env()``, so this table is
complete by construction. The README's configuration table and the
docker-compose test are checked against it.
"""

import os
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Variable:
    default: str | None
    help: str


VARIABLES: dict[str, Variable] = {
    "DJANGO_SETTINGS_MODULE": Variable(
        "portal.settings.dev",
        "Which settings module to use: portal.settings.dev, .test or .production.",
    ),
    "DJANGO_DEBUG": Variable(
        "false",
        "Show Django's debug pages instead of the site's own 404 and 500 pages (demo and development only).",
    ),
    "SECRET_KEY": Variable(None, "Django's signing key. Required in production (50+ random characters)."),
    "SECRET_KEY_FALLBACKS": Variable(
        "",
        "Comma-separated previous SECRET_KEYs, still accepted for signatures (sessions, form tokens) "
        "after a rotation.",
    ),
    "INQUIRY_ENCRYPTION_KEYS": Variable(
        None,
        "Comma-separated Fernet keys that encrypt appointment requests, newest first; independent of "
        "SECRET_KEY. Required in production (see Rotating the encryption keys); the demo has a "
        "published key of its own.",
    ),
    "ALLOWED_HOSTS": Variable(
        "localhost,127.0.0.1",
        "Comma-separated host names the site answers to. Required in production.",
    ),
    "CSRF_TRUSTED_ORIGINS": Variable(
        "", "Comma-separated origins (https://example.org) allowed to post forms, if behind a proxy."
    ),
    "DATABASE_URL": Variable(
        "sqlite:///<VAR_DIR>/db.sqlite3",
        "Database, e.g. postgres://user:pass@host:5432/portal. Required in production.",
    ),
    "DATABASE_CONN_MAX_AGE": Variable("60", "Seconds to keep a database connection open (production)."),
    "REDIS_URL": Variable(
        "",
        "Redis for the cache, e.g. redis://redis:6379/1. Required in production; empty: a file cache under var/cache.",
    ),
    "CELERY_BROKER_URL": Variable(
        "filesystem://",
        "Celery broker. filesystem:// keeps messages under var/broker; use redis://… in production.",
    ),
    "CELERY_TASK_ALWAYS_EAGER": Variable("false", "Run Celery tasks inside the web process (tests only)."),
    "EMAIL_BACKEND": Variable(
        "",
        "Django e-mail backend. Empty: files under var/mail in dev, SMTP in production.",
    ),
    "EMAIL_HOST": Variable("localhost", "SMTP server host. Required in production."),
    "EMAIL_PORT": Variable("", "SMTP server port. Empty: 587 with STARTTLS, 465 with EMAIL_USE_SSL, else 25."),
    "EMAIL_HOST_USER": Variable("", "SMTP user name, if the server needs one."),
    "EMAIL_HOST_PASSWORD": Variable("", "SMTP password, if the server needs one."),
    "EMAIL_USE_TLS": Variable(
        "", "Use STARTTLS when talking to the SMTP server. Empty: yes, unless EMAIL_USE_SSL is on."
    ),
    "EMAIL_USE_SSL": Variable("false", "Use implicit TLS (usually port 465)."),
    "EMAIL_TIMEOUT": Variable("10", "Seconds before an SMTP connection attempt gives up."),
    "DEFAULT_FROM_EMAIL": Variable(
        "no-reply@localhost",
        "Sender address of every e-mail the portal sends. Visitors' confirmations use it with the "
        "neutral sender name set under Settings > Appointment requests.",
    ),
    "SERVER_EMAIL": Variable("", "Sender of error reports to ADMINS. Empty: DEFAULT_FROM_EMAIL."),
    "WAGTAILADMIN_BASE_URL": Variable(
        "http://127.0.0.1:8000",
        "Public base URL of the site, used in links inside admin and inquiry e-mails. Required in production.",
    ),
    "MEDIA_ROOT": Variable(
        "var/media", "Where uploaded images and documents are stored, unless AWS_STORAGE_BUCKET_NAME is set."
    ),
    "AWS_STORAGE_BUCKET_NAME": Variable(
        "",
        "Bucket in S3 or an S3-compatible service (MinIO, Ceph, …) for uploaded images and documents, "
        "so web and worker containers on several hosts share them. Empty: files under MEDIA_ROOT.",
    ),
    "AWS_S3_ENDPOINT_URL": Variable(
        "", "Address of an S3-compatible service, e.g. https://minio.example.org:9000. Empty: Amazon S3."
    ),
    "AWS_S3_REGION_NAME": Variable("", "The bucket's region, e.g. us-east-2, if the service needs one."),
    "AWS_ACCESS_KEY_ID": Variable(None, "Access key for the bucket. Required in production when the bucket is set."),
    "AWS_SECRET_ACCESS_KEY": Variable(
        None, "Secret of that access key. Required in production when the bucket is set."
    ),
    "AWS_S3_CUSTOM_DOMAIN": Variable(
        "",
        "Host that serves the bucket's files to visitors (a CDN or the bucket's public host), e.g. "
        "media.care.example.org. Empty: the endpoint's (or Amazon's) address of the bucket.",
    ),
    "AWS_LOCATION": Variable("", "Folder (key prefix) inside the bucket for the portal's files, e.g. portal."),
    "STATIC_ROOT": Variable("var/static", "Where collectstatic gathers static files."),
    "VAR_DIR": Variable("var", "Folder for the demo's database, broker, e-mail files and cache."),
    "SECURE_SSL_REDIRECT": Variable("true", "Redirect plain HTTP to HTTPS (production)."),
    "SECURE_HSTS_SECONDS": Variable("31536000", "HSTS max-age in seconds (production)."),
    "SECURE_HSTS_PRELOAD": Variable(
        "false", "Ask browsers to preload HSTS. Off until the domain is submitted to the preload list."
    ),
    "MAP_TILE_URL": Variable(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "Map tiles for office maps ({z}/{x}/{y} template). Empty: no map, the address list only.",
    ),
    "MAP_TILE_ATTRIBUTION": Variable(
        "© OpenStreetMap contributors", "Credit shown on the map for the tiles above."
    ),
    "DEEPL_API_KEY": Variable(
        "",
        "DeepL API key for \"Translate with DeepL\" in the translation editor (a free-plan key ends "
        "in :fx). Empty: no machine translation in production; a dummy one in the demo.",
    ),
    "DEEPL_API_URL": Variable(
        "",
        "DeepL API address without /v2, e.g. https://api.deepl.com. Empty: chosen from the key "
        "(api-free.deepl.com for :fx keys).",
    ),
    "TRUSTED_PROXY_COUNT": Variable(
        "0",
        "Reverse proxies in front of the app that append X-Forwarded-For (1 behind one TLS proxy). "
        "Used to tell visitors apart for the form's rate limit, the staff sign-in lockout and /healthz/.",
    ),
    "HEALTHZ_ALLOWED_IPS": Variable(
        "127.0.0.1,::1",
        "Addresses or networks (comma-separated) that see /healthz/'s details; everyone else gets "
        "the status only. Signed-in staff (past two-factor, where it is asked) always see them.",
    ),
    "INQUIRY_RETENTION_DAYS": Variable("90", "Days an appointment request is kept before it is deleted."),
    "INQUIRY_RATE_LIMIT": Variable(
        "10/h", "Appointment requests accepted per visitor IP address, e.g. 10/h or 5/10m."
    ),
    "AVAILABILITY_STALE_DAYS": Variable(
        "30",
        "Days after which a clinician's \"accepting new clients\" answer shows as \"call to ask\" and "
        "they are reminded to confirm it.",
    ),
    "NOTIFICATION_MAX_ATTEMPTS": Variable(
        "10", "Tries to send one inquiry e-mail before it is marked failed in the admin."
    ),
    "NOTIFICATION_RETRY_SECONDS": Variable(
        "30", "Wait before the first retry of an inquiry e-mail; it doubles each time, up to an hour."
    ),
    "NOTIFICATION_LEASE_SECONDS": Variable(
        "180", "How long a worker may hold an inquiry e-mail before another worker takes it over."
    ),
    "NOTIFICATION_MAX_PENDING_AGE": Variable(
        "900", "Seconds an inquiry e-mail may wait unsent before /healthz/ answers 503."
    ),
    "TWO_FACTOR_ENFORCED": Variable(
        "true",
        "Make superusers, Marketing and Intake set up and use two-factor codes. The demo (dev "
        "settings) turns it off unless this is set; production refuses to start with it off.",
    ),
    "TWO_FACTOR_FOR_ALL_STAFF": Variable(
        "false", "Require two-factor codes from every admin user, not only those above."
    ),
    "TEST_DATABASE": Variable(
        "postgresql", "Tests only: postgresql (a throwaway server) or sqlite (the smoke run)."
    ),
    "LOG_LEVEL": Variable("INFO", "Level of the portal's own log messages."),
}


def env(name: str, default: str | None = ...) -> str | None:
    """Read a declared environment variable; undeclared names are a bug."""
    if name not in VARIABLES:
        raise KeyError(f"{name} is not declared in portal/settings/environment.py")
    fallback = VARIABLES[name].default if default is ... else default
    return os.environ.get(name, fallback)


def env_bool(name: str, default: str | None = ...) -> bool:
    value = (env(name, default) or "").strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str) -> int:
    value = env(name)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


def env_list(name: str, default: str | None = ...) -> list[str]:
    return [item.strip() for item in (env(name, default) or "").split(",") if item.strip()]


def require(*names: str) -> None:
    """Stop start-up with one message naming every missing variable."""
    missing = [name for name in names if not os.environ.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(
            "Production settings need these environment variables: "
            + ", ".join(missing)
            + ". See the configuration table in README.md."
        )
