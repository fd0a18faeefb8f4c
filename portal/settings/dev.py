"""The embedded demo: SQLite, filesystem broker, e-mail written to files."""

from .base import *  # noqa: F401,F403
from .base import VAR_DIR
from .environment import env, env_bool, env_list

# The demo shows the site's own 404 and 500 pages, as visitors would see
# them; DJANGO_DEBUG=true brings back Django's debug pages for developers.
DEBUG = env_bool("DJANGO_DEBUG", "false")
SECRET_KEY = env("SECRET_KEY", "dev-only-secret-key-never-use-in-production-0123456789abcdef")
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

# Static files through WhiteNoise from the apps' folders (no collectstatic),
# with or without DEBUG; uploads from MEDIA_ROOT through Django (portal/urls.py).
MIDDLEWARE = [MIDDLEWARE[0], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SERVE_MEDIA = True

EMAIL_BACKEND = env("EMAIL_BACKEND") or "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = VAR_DIR / "mail"

# Only the dev settings may create demo content and demo logins.
DEMO_CONTENT_ALLOWED = True
# The demo logins sign in with their password alone, unless
# TWO_FACTOR_ENFORCED=true is set (anyone who set up codes is still asked).
TWO_FACTOR_ENFORCED = env_bool("TWO_FACTOR_ENFORCED", "false")

# A fixed key for the demo's inquiries, published here, so never for real ones.
INQUIRY_ENCRYPTION_KEYS = env_list("INQUIRY_ENCRYPTION_KEYS") or ["ZGV2LW9ubHkta2V5LW5ldmVyLWluLXByb2R1Y3Rpb24="]

# Without a DeepL key, wagtail-localize's dummy translator (it reverses the
# words) lets the "Translate" button be tried.
if not DEEPL_API_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}
