"""Vidensbanken settings. Everything that differs between machines comes from the environment."""

from pathlib import Path

import environ

from config.database import database_config
from config.search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(environ.Env().str("VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env(
    DJANGO_DEBUG=(bool, False),
    DJANGO_ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    DJANGO_SECURE=(bool, True),
)

DEBUG = env("DJANGO_DEBUG")
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or (
    "insecure-development-key-only-for-debug" if DEBUG else ""
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")

ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "accounts",
    "kb",
    "advisory",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
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
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.middleware.without_nul_characters",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "kb.removed_text.RemovedTextRefusal",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "kb.context_processors.site_sections",
                "advisory.contact.secretariat",
            ],
        },
    },
]

# Widgets' templates are found like pages' (templates/ first), so a widget can have its own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {"default": database_config(env.str("DATABASE_URL", default=None), VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk")]
TIME_ZONE = "Europe/Copenhagen"
# The zones a staff member may choose under Konto. Wagtail's default, every zone the machine
# knows, offered "localtime", which the browser's clock cannot read (an error on the page).
WAGTAIL_USER_TIME_ZONES = ["Europe/Copenhagen", "Atlantic/Faroe", "America/Nuuk", "UTC"]
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Vidensbanken <lvsinfo@lavs.dk>")

WAGTAIL_SITE_NAME = "Vidensbanken"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
# Gravatar would receive a hash of every user's e-mail address (and cannot be reached from
# every network): users get Wagtail's own default picture or one they upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin's date pickers in Danish style (ISO dates are still accepted).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILIMAGES_IMAGE_MODEL = "kb.KbImage"
WAGTAILDOCS_DOCUMENT_MODEL = "kb.KbDocument"
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "txt", "xlsx", "pptx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DOCUMENT_MAX_UPLOAD_MB = env.int("DOCUMENT_MAX_UPLOAD_MB", default=50)
WAGTAILSEARCH_BACKENDS = search_backends(
    env.str("ELASTICSEARCH_URL", default=None),
    engine=env.str("SEARCH_ENGINE", default="opensearch"),
    index_prefix=env.str("ELASTICSEARCH_INDEX_PREFIX", default="vidensbanken_"),
    timeout=env.float("ELASTICSEARCH_INDEX_TIMEOUT", default=30.0),
)
# How long a search waits for the engine before it answers from the database instead.
SEARCH_ENGINE_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=1.0)
# Danish only: the admin's date pickers write Danish dates, which Django reads in Danish only.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("da", "Dansk")]
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"

CORPUS_DIR = Path(env.str("CORPUS_DIR", default=str(BASE_DIR.parent / "shared" / "corpus")))

# Advisory cases: the response time a question gets, in Danish working days.
CASE_RESPONSE_WORKING_DAYS = env.int("CASE_RESPONSE_WORKING_DAYS", default=3)

# The public question form, tracking links, incoming mail and how long personal data is kept.
PUBLIC_BASE_URL = env.str("PUBLIC_BASE_URL", default=WAGTAILADMIN_BASE_URL)
SECRETARIAT_EMAIL = env.str("SECRETARIAT_EMAIL", default="lvsinfo@lavs.dk")
SECRETARIAT_PHONE = env.str("SECRETARIAT_PHONE", default="7592 4000")
ASK_MIN_FILL_SECONDS = env.int("ASK_MIN_FILL_SECONDS", default=5)
ASK_FORM_MAX_AGE_HOURS = env.int("ASK_FORM_MAX_AGE_HOURS", default=12)
ASK_LIMIT_PER_HOUR = env.int("ASK_LIMIT_PER_HOUR", default=5)
# How many proxies stand in front of the app and append to X-Forwarded-For (production's TLS
# proxy): without them counted, every question would share the proxy's address and its limit.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)
IMAP_URL = env.str("IMAP_URL", default="")
CASE_RETENTION_DAYS = env.int("CASE_RETENTION_DAYS", default=730)
CASE_CLOSE_ANSWERED_DAYS = env.int("CASE_CLOSE_ANSWERED_DAYS", default=30)
SEARCH_LOG_RETENTION_DAYS = env.int("SEARCH_LOG_RETENTION_DAYS", default=730)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "config.errors.csrf_failure"
# Wagtail's live preview shows the page in a same-origin frame, so DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG and env("DJANGO_SECURE"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "django": {"level": "INFO"},
        "kb": {"level": "INFO"},
        "advisory": {"level": "INFO"},
    },
}
