"""Kypho settings: one module, every difference between machines from the environment.

Values come from environment variables, or from a `.env` file beside manage.py for
those the environment leaves unset. Each variable is listed in `.env.example` and in the
README's configuration table.
Without `DATABASE_URL` the app runs on a SQLite file; with it, on PostgreSQL.
With `DJANGO_DEBUG` off the app refuses to start unless given a real secret key.
"""

import os
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent
# A local `.env` (made by `make` for development) fills in what the environment leaves
# unset; a variable set in the environment always wins. Production needs no such file.
load_dotenv(BASE_DIR / ".env", override=False)


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


DEBUG = env_bool("DJANGO_DEBUG", default=False)

_DEV_SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105 (DEBUG only)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "").strip()
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random value in production "
            "(for development only, set DJANGO_DEBUG=true)."
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 40):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is too weak for production: use at least 40 random characters."
    )

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
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
    "education",
    "screening",
    "clinic",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "kypho.middleware.DatabaseUnavailableMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
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
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kypho.context_processors.clinic",
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
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
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
CLINIC_EMERGENCY_MESSAGE = os.environ.get(
    "CLINIC_EMERGENCY_MESSAGE",
    "If this is an emergency, call your local emergency number now (911 in the US) "
    "or go to the nearest emergency department.",
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
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
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
# The client's address is REMOTE_ADDR; set this only behind a proxy you run that sets
# X-Forwarded-For (its last hop is then used), since clients can forge the header.
TRUST_X_FORWARDED_FOR = env_bool("DJANGO_TRUST_X_FORWARDED_FOR", default=False)
# Questionnaires sent per address per window (429 past it).
SUBMISSION_RATE_LIMIT = env_int("SUBMISSION_RATE_LIMIT", 10)
SUBMISSION_RATE_WINDOW = env_int("SUBMISSION_RATE_WINDOW", 3600)
# How long a patient's result page stays reachable from their browser.
RESULT_PAGE_TTL_MINUTES = env_int("RESULT_PAGE_TTL_MINUTES", 120)
# Submissions older than this are anonymised (or deleted) by `manage.py purge_submissions`.
SUBMISSION_RETENTION_DAYS = env_int("SUBMISSION_RETENTION_DAYS", 730)
# A questionnaire step is a few hundred bytes; refuse anything far larger.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_MAX_REQUEST_BYTES", 64 * 1024)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
}

# Screening thresholds (SCREENING.md section 2); change them only with the clinic's lead.
FRACTURE_RECENT_WEEKS = env_int("FRACTURE_RECENT_WEEKS", 8)
FRACTURE_MAX_WEEKS = env_int("FRACTURE_MAX_WEEKS", 12)
MIN_CONSERVATIVE_CARE_WEEKS = env_int("MIN_CONSERVATIVE_CARE_WEEKS", 4)
MIN_PAIN_SCORE = env_int("MIN_PAIN_SCORE", 5)
SEVERE_PAIN_SCORE = env_int("SEVERE_PAIN_SCORE", 8)
ADULT_AGE = env_int("ADULT_AGE", 18)

# Clinician workspace (clinic/). Staff sign in with Django's auth views; every clinician
# page needs the screening.review_submission permission (the "Clinicians" group has it).
LOGIN_URL = "clinic:login"
LOGIN_REDIRECT_URL = "clinic:queue"
LOGOUT_REDIRECT_URL = "clinic:login"
# Sign-in lock-out (django-axes, kept in the database so it holds across workers and
# hosts): 5 failures lock that account, and 5 failures lock that address, for 30 minutes.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "kypho.net.client_ip"
AXES_LOCKOUT_TEMPLATE = "clinic/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# A second factor (a six-digit code from an authenticator app, TOTP) for clinicians: used
# by everyone who has set one up, and required of every clinician when this is on.
CLINIC_REQUIRE_2FA = env_bool("CLINIC_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = CLINIC_NAME
# Staff sessions end after this many idle minutes, and when the browser closes.
CLINIC_IDLE_TIMEOUT_MINUTES = env_int("CLINIC_IDLE_TIMEOUT_MINUTES", 15)
# Patients' unfinished questionnaires are kept this long on their device.
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 6 * 3600)

# The clinic's inbox for "new urgent or likely submission" emails (comma-separated for
# several); empty means no email is queued. Messages carry a reference and a link only.
CLINIC_NOTIFY_EMAIL = os.environ.get("CLINIC_NOTIFY_EMAIL", "").strip()
# The site's public address, for absolute links in emails and FHIR canonical URLs.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
