"""Settings shared by every environment. Configuration comes from the
environment through ``env()`` (see environment.py for the full list)."""

import datetime
import ipaddress
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .environment import env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = (BASE_DIR / env("VAR_DIR")).resolve()

SECRET_KEY = env("SECRET_KEY")
# Old keys still verify signatures (sessions, form tokens) during a rotation.
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
# Fernet keys for inquiries' contact details, newest first: the first
# encrypts, every one decrypts (inquiries/encryption.py). Not SECRET_KEY.
INQUIRY_ENCRYPTION_KEYS = env_list("INQUIRY_ENCRYPTION_KEYS")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win.
    "portal",
    "locations",
    "inquiries",
    "approaches",
    "blog",
    "sitesearch",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # its sitemap.xml template (with xhtml:link alternates)
    # Staff sign-in: two-factor codes (authenticator apps, recovery codes)
    # and the lock after repeated failures (see "Staff sign-in" below).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cache hits leave here, before any other middleware runs (portal/page_cache.py).
    "portal.page_cache.PageCacheMiddleware",
    "portal.content_security.ContentSecurityPolicyMiddleware",  # CSP: strict public, looser admin
    "portal.permissions_policy.PermissionsPolicyMiddleware",  # geolocation for this site only
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.request_limits.PublicPostLimitMiddleware",  # before CSRF reads the body
    "portal.csrf.PublicPageCsrfMiddleware",  # Django's, with Origin checks for cached public pages
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",  # request.user.is_verified()
    "portal.two_factor.TwoFactorMiddleware",  # the admin asks for the code
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.deepl_views.MachineTranslationErrorMiddleware",  # a failed DeepL call: a message, not a 500
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # last: turns a lockout into the locked page
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=0,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when configured, otherwise a file cache every process shares.
if env("REDIS_URL"):
    CACHES = {
        "default": {
            # Django's Redis cache, but a Redis outage reads as a cache miss
            # instead of an error page (see portal/cache.py).
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            # Fail fast: a stopped Redis must not hang page views or /healthz/.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        }
    }

# portal.csrf.PublicPageCsrfMiddleware is Django's CsrfViewMiddleware (a
# subclass), which the deploy check does not recognise by name.
SILENCED_SYSTEM_CHECKS = ["security.W003"]

# Whole public pages for visitors, in the cache above (portal/page_cache.py).
PAGE_CACHE_ENABLED = True
FRAGMENT_CACHE_ENABLED = True  # menus, crisis notice, links (portal/fragment_cache.py)
# Fragments never depend on the clock, and every change purges them.
FRAGMENT_CACHE_SECONDS = 24 * 60 * 60
PAGE_CACHE_ALIAS = "default"
# Pages show today's hours ("Open until 5 p.m."): at most this far behind the clock.
PAGE_CACHE_SECONDS = 60
# Never cached, and posts there keep Django's CSRF token check (portal/csrf.py).
PAGE_CACHE_NEVER_PATHS = ("/admin/", "/documents/", "/healthz/", "/csp-report/")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Staff sign-in (README "Staff sign-in"). django-axes counts failed
# passwords and wrong two-factor codes; the first backend refuses a locked
# account or address before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=30)
# Five failures lock the account (from any address) and the address (for
# any account). A complete sign-in clears both counts: the password alone,
# or the code after it where one is asked (portal/two_factor.py), so axes'
# own reset after the password is off.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = False
AXES_CLIENT_IP_CALLABLE = "portal.client_ip.client_ip"  # honours TRUSTED_PROXY_COUNT
AXES_LOCKOUT_CALLABLE = "portal.lockout.locked_out"  # the admin-styled page, status 429
AXES_HTTP_RESPONSE_CODE = 429
# No record of every successful sign-in (address and browser) is kept;
# only failures are, for as long as they count.
AXES_DISABLE_ACCESS_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "recovery_code", "csrfmiddlewaretoken"]

# Two-factor authentication (portal/two_factor.py). Required, when
# enforced, for superusers and these groups (names, so portal stays below
# the apps that create them); others may turn it on for themselves.
TWO_FACTOR_ENFORCED = env_bool("TWO_FACTOR_ENFORCED")
TWO_FACTOR_FOR_ALL_STAFF = env_bool("TWO_FACTOR_FOR_ALL_STAFF")
TWO_FACTOR_REQUIRED_GROUPS = ["Marketing", "Intake"]
TWO_FACTOR_RECOVERY_CODES = 10
OTP_TOTP_ISSUER = "CARE Counseling"

# Languages: English at /, Spanish at /es/, Polish at /pl/.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pl", _("Polish")),
]
# Shown in the language switcher in each language's own name.
NATIVE_LANGUAGE_NAMES = {"en": "English", "es": "Español", "pl": "Polski"}
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Chicago"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation stays a draft until a person reviews and publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# "Translate with DeepL" in the translation editor (portal/deepl.py); its
# drafts are still reviewed and published by a person. Without a key there
# is no machine translator, so no button (dev.py and test.py use the dummy).
DEEPL_API_KEY = env("DEEPL_API_KEY")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "portal.deepl.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY, "API_URL": env("DEEPL_API_URL")},
} if DEEPL_API_KEY else None

STATIC_URL = "/static/"
STATIC_ROOT = (BASE_DIR / env("STATIC_ROOT")).resolve()
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
SERVE_MEDIA = False  # the demo (dev.py) serves uploads through Django
MEDIA_ROOT = (BASE_DIR / env("MEDIA_ROOT")).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploads in a bucket (S3 or S3-compatible) when one is configured, so web and
# worker containers on several hosts share them (README, "Shared media").
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _endpoint = (env("AWS_S3_ENDPOINT_URL") or "").rstrip("/")
    _domain = (env("AWS_S3_CUSTOM_DOMAIN") or "").strip("/")
    _location = (env("AWS_LOCATION") or "").strip("/")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _endpoint or None,
            "region_name": env("AWS_S3_REGION_NAME") or None,
            "access_key": env("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env("AWS_SECRET_ACCESS_KEY") or None,
            "custom_domain": _domain or None,
            "location": _location,
            # Objects get no ACL of their own: the bucket's stays private. Its
            # policy lets anyone read only the renditions (images/); originals
            # (which may carry camera metadata) and documents stay private.
            "default_acl": None,
            # Plain, unsigned URLs: visitors see renditions without credentials,
            # and a page renders the same URL every time, so cached pages stay
            # valid (signed URLs change on every render and expire inside the cache).
            "querystring_auth": False,
            # Never replace another upload that happens to have the same name.
            "file_overwrite": False,
            # A replaced image can reuse a rendition's name: cache a day, not forever.
            "object_parameters": {"CacheControl": "max-age=86400"},
        },
    }
    # Where visitors' browsers fetch uploads (the Content-Security-Policy's img-src).
    if _domain:
        MEDIA_URL = f"https://{_domain}/"
    elif _endpoint:  # boto3 addresses other services' buckets path-style
        MEDIA_URL = f"{_endpoint}/{AWS_STORAGE_BUCKET_NAME}/"
    else:
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"
    MEDIA_URL += f"{_location}/" if _location else ""
    # Documents go through Django, which checks collection privacy and
    # streams them, instead of redirecting to their (private) object.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Wagtail
WAGTAIL_SITE_NAME = "CARE Counseling"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
WAGTAILIMAGES_IMAGE_MODEL = "portal.CustomImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.image_forms.ImageForm"
# Site search (sitesearch/backend.py): on PostgreSQL each language is
# indexed and searched with its own text search configuration (PostgreSQL
# has no Polish one); on SQLite, Wagtail's database backend as it is.
# After changing a configuration, run `manage.py update_index`.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "sitesearch.backend",
        "SEARCH_CONFIGS": {"en": "english", "es": "spanish", "pl": "simple"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Office maps: Leaflet ships with the site; only tiles come from this URL.
MAP_TILE_URL = env("MAP_TILE_URL")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION")

# Wagtail's own background work (reference index, search index) runs
# immediately in the request; the project's work goes through Celery.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail
EMAIL_BACKEND = env("EMAIL_BACKEND") or "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST")
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
# Encrypted by default: STARTTLS unless implicit TLS (EMAIL_USE_SSL) is chosen;
# plain SMTP only when EMAIL_USE_TLS=false says so.
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS") if env("EMAIL_USE_TLS") else not EMAIL_USE_SSL
EMAIL_PORT = env_int("EMAIL_PORT") if env("EMAIL_PORT") else (465 if EMAIL_USE_SSL else 587 if EMAIL_USE_TLS else 25)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = env("SERVER_EMAIL") or DEFAULT_FROM_EMAIL

# Celery: one task at a time per worker process, acknowledged only after it
# ran, and given back to the queue if the worker dies mid-task.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_BROKER_CONNECTION_TIMEOUT = 5
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {
    # Redis: never block the web process on a dead broker.
    "socket_timeout": 5,
    "socket_connect_timeout": 5,
    "visibility_timeout": 3600,
    "max_retries": 2,
    # Filesystem transport (the embedded demo): message folders under var/.
    "data_folder_in": str(VAR_DIR / "broker" / "queue"),
    "data_folder_out": str(VAR_DIR / "broker" / "queue"),
    "control_folder": str(VAR_DIR / "broker" / "control"),
    "processed_folder": str(VAR_DIR / "broker" / "processed"),
}
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 60
CELERY_TASK_TIME_LIMIT = 90
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER")
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Inquiry e-mails whose task was lost (broker down, worker killed) go again.
    "requeue-inquiry-notices": {
        "task": "inquiries.tasks.requeue_due_notices",
        "schedule": 60.0,
    },
    "delete-expired-inquiries": {
        "task": "inquiries.tasks.delete_expired_inquiries",
        "schedule": crontab(hour=3, minute=30),
    },
    # Marketing staff schedule articles; this makes "go live at" happen.
    "publish-scheduled-pages": {
        "task": "portal.tasks.publish_scheduled_pages",
        "schedule": 60.0,
    },
    # Clinicians whose "new clients" answer went stale are asked to confirm it.
    "remind-stale-availability": {
        "task": "approaches.tasks.remind_stale_availability",
        "schedule": crontab(hour=8, minute=0),
    },
    # Reviewers hear once a month which pages are due for clinical review.
    "email-reviewers-due-pages": {
        "task": "approaches.tasks.email_reviewers_due_pages",
        "schedule": crontab(day_of_month=1, hour=8, minute=15),
    },
    # Signed-out or expired staff sessions leave no rows behind.
    "clear-expired-sessions": {
        "task": "portal.tasks.clear_expired_sessions",
        "schedule": crontab(hour=3, minute=45),
    },
}

# Approaches and clinicians.
# A clinician's "new clients" answer older than this shows as "call to ask".
AVAILABILITY_STALE_DAYS = env_int("AVAILABILITY_STALE_DAYS")
# Reviewed pages edited after an approval go through every step again.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Public pages only have small forms (see portal/request_limits.py).
PUBLIC_POST_MAX_BYTES = 64_000
# Reverse proxies in front of the app (portal/client_ip.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT")

# Content-Security-Policy (django-csp 4; portal/content_security.py chooses
# the policy per path). Public pages: everything from this site only; no
# 'unsafe-inline' and no nonces, so a cached page stays valid (JSON-LD and
# json_script data blocks are not scripts and need nothing). Added per
# request to img-src: the origin of MAP_TILE_URL (office map tiles, which
# load only after the visitor asks for the map) and of MEDIA_URL when
# uploads are served from a bucket. Violations go to /csp-report/
# (portal/csp_reports.py), which keeps counts, not visitors.
CSP_REPORT_PATH = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": [CSP_REPORT_PATH],
        "report-to": "csp",  # the Reporting-Endpoints group set with the header
    },
}
# The Wagtail admin (its preview panel, two-factor and lock pages too) still
# needs inline scripts and styles; it frames its own previews.
CSP_ADMIN_URL_PREFIXES = ["/admin/"]
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# The admin asks no other host either: no Gravatar pictures (they would send
# a hash of each editor's e-mail address), no release check from the dashboard.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# /healthz/ (portal/health.py): who sees the details, how long checks may take.
try:
    HEALTHZ_ALLOWED_IPS = [str(ipaddress.ip_network(entry, strict=False))
                           for entry in env_list("HEALTHZ_ALLOWED_IPS")]
except ValueError as error:
    raise ImproperlyConfigured(f"HEALTHZ_ALLOWED_IPS: {error}") from None
HEALTH_CHECK_TIMEOUT = 1.5  # seconds; a dead broker must not hold a worker
HEALTH_CACHE_SECONDS = 5

# Appointment requests (the inquiries app).
INQUIRY_RETENTION_DAYS = env_int("INQUIRY_RETENTION_DAYS")
INQUIRY_RATE_LIMIT = env("INQUIRY_RATE_LIMIT")
INQUIRY_FORM_MIN_SECONDS = 3  # faster than a person can fill the form
INQUIRY_FORM_MAX_AGE_SECONDS = 24 * 3600  # older: the visitor is asked to send it again
INQUIRY_MAX_BODY_BYTES = 20_000  # the form's largest honest post is a few kilobytes
NOTIFICATION_MAX_ATTEMPTS = env_int("NOTIFICATION_MAX_ATTEMPTS")
NOTIFICATION_RETRY_SECONDS = env_int("NOTIFICATION_RETRY_SECONDS")
NOTIFICATION_LEASE_SECONDS = env_int("NOTIFICATION_LEASE_SECONDS")
NOTIFICATION_MAX_PENDING_AGE = env_int("NOTIFICATION_MAX_PENDING_AGE")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        app: {"handlers": ["console"], "level": env("LOG_LEVEL"), "propagate": False}
        for app in ("portal", "locations", "inquiries", "approaches", "blog")
    },
}
