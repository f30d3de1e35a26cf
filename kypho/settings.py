"""Kypho settings: one module, every difference between machines from the environment.

Values come from environment variables, or from a `.env` file beside manage.py for
those the environment leaves unset. Each variable is listed in `.env.example` and in the
README's configuration table.
Without `DATABASE_URL` the app runs on a SQLite file; with it, on PostgreSQL.
With `DJANGO_DEBUG` off the app refuses to start unless given a real secret key.
Debug is switched on only by the process's real environment, never by a `.env` file: a
file left on a server (a development one, say) must not turn production into debug mode.
"""

import ipaddress
import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import dotenv_values

from kypho.clinic_words import DEFAULTS as CLINIC_WORDS
from kypho.clinic_words import twin_default
from kypho.language_help import DEFAULT_LANGUAGES as LANGUAGE_HELP_DEFAULT_LANGUAGES
from screening.eligibility.answers import THRESHOLD_DEFAULTS

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    """Read a whole-number environment variable, with a clear error when it is not one."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name, default=""):
    """Read a comma-separated environment variable into a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_networks(name):
    """Read a comma-separated list of IP addresses or networks (`10.0.0.0/8`)."""
    try:
        return [ipaddress.ip_network(item, strict=False) for item in env_list(name)]
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} must list IP addresses or networks, separated by commas: {exc}"
        ) from exc


# Read before the .env file, which may never set it (see the module docstring).
DEBUG = env_bool("DJANGO_DEBUG", default=False)
_ENV_FILE_IGNORES = {"DJANGO_DEBUG"}


def load_env_file(path):
    """Fill in unset variables from `path` (if it exists), except those it may not set."""
    for name, value in dotenv_values(path).items():
        if name not in _ENV_FILE_IGNORES and value is not None:
            os.environ.setdefault(name, value)


load_env_file(BASE_DIR / ".env")

_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105 (DEBUG only)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production. "
            "For development only, run `export DJANGO_DEBUG=true` first (a .env file "
            "cannot turn debug on)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 40 random characters."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "kypho.apps.KyphoAdminConfig",  # django.contrib.admin behind the second factor
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "crispy_forms",
    "crispy_bootstrap5",
    "bootstrap",
    "django_tasks",
    "django_tasks_db",
    "education",
    "screening",
    "clinic",
    "kypho.cachetable.KyphoConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kypho.middleware.DatabaseUnavailableMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Refuses NUL in URLs, chunked and oversized bodies, and skips file parts, unread.
    "kypho.limits.RequestLimitsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # The browser's language on a first visit; the language a patient reads, remembered.
    "kypho.languages.LanguageChoiceMiddleware",
    "kypho.languages.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "kypho.middleware.StaffIdleTimeoutMiddleware",
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "kypho.urls"
WSGI_APPLICATION = "kypho.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kypho.context_processors.clinic",
                "kypho.context_processors.languages",
                "kypho.context_processors.language_help_footer",
                "clinic.timeout.session_timeout",
            ],
        },
    },
]

# Widget templates are looked up like any other template (the project's folder first).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Let concurrent writers wait for each other instead of failing with "locked",
    # and test on a file (not shared-cache memory, which locks whole tables).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"kypho-test-{os.getpid()}.sqlite3")
    }
else:
    # A database server that accepts connections but never answers must not hang every
    # worker thread: give up connecting after a few seconds, and on any one statement
    # after DATABASE_STATEMENT_TIMEOUT_SECONDS (the friendly 503 follows).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": env_int("DATABASE_CONNECT_TIMEOUT_SECONDS", 5),
            "options": f"-c statement_timeout={env_int('DATABASE_STATEMENT_TIMEOUT_SECONDS', 30)}s",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
# Patient pages in English (unprefixed URLs) and Spanish (under /es/). Each language's
# name is written in that language, for the switch link.
LANGUAGES = [("en", "English"), ("es", "Español")]
# Clinician pages in one language for the whole staff, whatever a browser asks for:
# English unless the clinic chooses another of LANGUAGES (kypho.languages.StaffLanguage).
CLINIC_LANGUAGE = os.environ.get("CLINIC_LANGUAGE", "en")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Remembered for the visit only: a session cookie, like the questionnaire's own.
LANGUAGE_COOKIE_NAME = "kypho_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Dates as each language writes them ("March 27, 2026", "27 de marzo de 2026");
# see kypho/formats/.
FORMAT_MODULE_PATH = ["kypho.formats"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "kypho.staticfiles.BundleFinder",
]
# Hashed, compressed file names in production; plain files while developing and testing,
# so the app runs without a collectstatic step there.
_STATIC_BACKEND = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if env_bool("DJANGO_STATIC_MANIFEST", default=not DEBUG)
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": _STATIC_BACKEND},
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# A cache shared by every worker and host: rate limits and lock-outs must hold across them.
# Redis when REDIS_URL is set; else the database; a per-process memory cache only in debug.
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # A Redis that hangs must not hang pages: give up after a second (pages and
            # sends then go on without the cache; see kypho/ratelimit.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
elif DEBUG:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "kypho_cache",
        }
    }

# Several deployments (or test runs) may share one Redis: keep their keys apart.
CACHES["default"]["KEY_PREFIX"] = os.environ.get("CACHE_KEY_PREFIX", "kypho")

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The clinic running this copy of Kypho.
CLINIC_NAME = os.environ.get("CLINIC_NAME", "Kypho Spine Clinic")
CLINIC_PHONE = os.environ.get("CLINIC_PHONE", "+1 555 010 0100")
# When a patient who sent the questionnaire can expect to hear from the clinic, and what
# to do in an emergency: in English, and in Spanish for the Spanish pages. An unset
# Spanish twin is the shipped Spanish, or the clinic's English once that is rewritten
# (a start-up check then warns; see kypho/clinic_words.py).
CLINIC_RESPONSE_TIME_TEXT = os.environ.get(
    "CLINIC_RESPONSE_TIME_TEXT", CLINIC_WORDS["CLINIC_RESPONSE_TIME_TEXT"]["en"]
)
CLINIC_RESPONSE_TIME_TEXT_ES = os.environ.get("CLINIC_RESPONSE_TIME_TEXT_ES") or twin_default(
    "CLINIC_RESPONSE_TIME_TEXT", "es", CLINIC_RESPONSE_TIME_TEXT
)
CLINIC_EMERGENCY_MESSAGE = os.environ.get(
    "CLINIC_EMERGENCY_MESSAGE", CLINIC_WORDS["CLINIC_EMERGENCY_MESSAGE"]["en"]
)
CLINIC_EMERGENCY_MESSAGE_ES = os.environ.get("CLINIC_EMERGENCY_MESSAGE_ES") or twin_default(
    "CLINIC_EMERGENCY_MESSAGE", "es", CLINIC_EMERGENCY_MESSAGE
)
# The languages of the "free language help" notice (kypho/language_help.py), in order:
# the top 15 of the states the clinic serves.
LANGUAGE_HELP_LANGUAGES = env_list(
    "LANGUAGE_HELP_LANGUAGES", ",".join(LANGUAGE_HELP_DEFAULT_LANGUAGES)
)

# Email: the console backend until a real server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "kypho@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security. Production (debug off) gets HTTPS-only defaults; behind a proxy that ends TLS,
# set DJANGO_SECURE_PROXY_SSL_HEADER=true so Django trusts its X-Forwarded-Proto header.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=not DEBUG)
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# A form refused for its CSRF token (often a page left open for hours) gets a page that
# says what to do, in the site's layout, never Django's technical one.
CSRF_FAILURE_VIEW = "kypho.views.csrf_failure"
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}
# Only our own files: no inline script or style, no third party, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}
# The client's address is REMOTE_ADDR, unless the request came through one of these
# proxies (addresses or networks); then X-Forwarded-For is read from the right past them
# (kypho/net.py). Anyone else's X-Forwarded-For is ignored, since clients can forge it.
TRUSTED_PROXIES = env_networks("DJANGO_TRUSTED_PROXIES")
if env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False):
    raise ImproperlyConfigured(
        "DJANGO_TRUST_X_FORWARDED_FOR trusted X-Forwarded-For from any client and is gone: "
        "remove it and set DJANGO_TRUSTED_PROXIES to your proxies' addresses instead "
        "(for example DJANGO_TRUSTED_PROXIES=127.0.0.1)."
    )
# What one address may write, per window (429 past it). A patient is one Start, about 26
# pages and one send; many share an address (a waiting room's tablet, a care home behind
# one router), so starts and sends are sized for about 60 patients an hour (starts
# doubled, for those who start again), and every page POST counts against a cap far
# above that, a bound on floods only.
SUBMISSION_RATE_LIMIT = env_int("SUBMISSION_RATE_LIMIT", 60)
SUBMISSION_RATE_WINDOW = env_int("SUBMISSION_RATE_WINDOW", 3600)
QUESTIONNAIRE_START_LIMIT = env_int("QUESTIONNAIRE_START_LIMIT", 120)
QUESTIONNAIRE_RATE_LIMIT = env_int("QUESTIONNAIRE_RATE_LIMIT", 5000)
QUESTIONNAIRE_RATE_WINDOW = env_int("QUESTIONNAIRE_RATE_WINDOW", 3600)
# How long a patient's result page stays reachable from their browser.
RESULT_PAGE_TTL_MINUTES = env_int("RESULT_PAGE_TTL_MINUTES", 120)
# Submissions older than this are anonymized (or deleted) by `manage.py purge_submissions`.
SUBMISSION_RETENTION_DAYS = env_int("SUBMISSION_RETENTION_DAYS", 730)
# A questionnaire step is a few hundred bytes; refuse anything far larger.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_MAX_REQUEST_BYTES", 64 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"hide_database_error_text": {"()": "kypho.logs.HideDatabaseErrorText"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["hide_database_error_text"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Screening thresholds (docs/screening-contract.md section 2); change them only with the
# clinic's lead. The defaults are declared once, by the rules engine's `Thresholds`.
FRACTURE_RECENT_WEEKS = env_int(
    "FRACTURE_RECENT_WEEKS", THRESHOLD_DEFAULTS["FRACTURE_RECENT_WEEKS"]
)
FRACTURE_MAX_WEEKS = env_int("FRACTURE_MAX_WEEKS", THRESHOLD_DEFAULTS["FRACTURE_MAX_WEEKS"])
MIN_CONSERVATIVE_CARE_WEEKS = env_int(
    "MIN_CONSERVATIVE_CARE_WEEKS", THRESHOLD_DEFAULTS["MIN_CONSERVATIVE_CARE_WEEKS"]
)
MIN_PAIN_SCORE = env_int("MIN_PAIN_SCORE", THRESHOLD_DEFAULTS["MIN_PAIN_SCORE"])
SEVERE_PAIN_SCORE = env_int("SEVERE_PAIN_SCORE", THRESHOLD_DEFAULTS["SEVERE_PAIN_SCORE"])
ADULT_AGE = env_int("ADULT_AGE", THRESHOLD_DEFAULTS["ADULT_AGE"])
PREGNANCY_QUESTION_MAX_AGE = env_int(
    "PREGNANCY_QUESTION_MAX_AGE", THRESHOLD_DEFAULTS["PREGNANCY_QUESTION_MAX_AGE"]
)

# Clinician workspace (clinic/). Staff sign in with Django's auth views; every clinician
# page needs the screening.review_submission permission (the "Clinicians" group has it).
LOGIN_URL = "clinic:login"
LOGIN_REDIRECT_URL = "clinic:queue"
LOGOUT_REDIRECT_URL = "clinic:login"
# Sign-in lock-out (clinic/lockout.py), every limit for AXES_COOLOFF_MINUTES (30):
# - 5 wrong passwords for one account from one address lock that pair (django-axes, in
#   the database); a success clears that pair only, never another account's failures;
# - 50 failures from one address, for any accounts, lock that address: a clinic behind
#   one address is never locked out by a few typos or made-up usernames;
# - 50 failures for one account from all addresses together lock that account (guessing
#   from many addresses; OWASP ASVS 2.2.1 allows at most 100 an hour).
# The two wide counts live in the shared cache (REDIS_URL in production).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "clinic.lockout.SignInLockoutHandler"
SIGN_IN_ADDRESS_FAILURE_LIMIT = env_int("SIGN_IN_ADDRESS_FAILURE_LIMIT", 50)
SIGN_IN_ACCOUNT_FAILURE_LIMIT = env_int("SIGN_IN_ACCOUNT_FAILURE_LIMIT", 50)
AXES_CLIENT_IP_CALLABLE = "kypho.net.client_ip"
AXES_LOCKOUT_TEMPLATE = "clinic/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# A second factor (a six-digit code from an authenticator app, TOTP) for clinicians: used
# by everyone who has set one up, and required of every clinician when this is on.
CLINIC_REQUIRE_2FA = env_bool("CLINIC_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = CLINIC_NAME
# No admin page shows an authenticator app's secret key or its QR code.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Staff sessions end after this many idle minutes, and when the browser closes.
CLINIC_IDLE_TIMEOUT_MINUTES = env_int("CLINIC_IDLE_TIMEOUT_MINUTES", 15)
# Patients' unfinished questionnaires are kept this long on their device.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 6 * 3600)

# The clinic's inbox for "new urgent or likely submission" emails (comma-separated for
# several); empty means no email is queued. Messages carry a reference and a link only.
CLINIC_NOTIFY_EMAIL = os.environ.get("CLINIC_NOTIFY_EMAIL", "").strip()
# Background work (mail, purges, clean-ups) runs on django-tasks' database backend, the
# backport of Django 6's tasks API: a request only writes a task row, and any number of
# `manage.py db_worker` processes, on any host that reaches the database, run them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# The site's public address, for absolute links in emails.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
# The base of the FHIR exports' canonical URLs (questionnaire, code systems, identifier
# systems): a name, not an address that must answer, so it stays the same when the site
# moves host or port; receiving systems match answers and outcomes by it.
FHIR_CANONICAL_BASE = (
    os.environ.get("FHIR_CANONICAL_BASE", "https://kypho.example/fhir").strip().rstrip("/")
)
