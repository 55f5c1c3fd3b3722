"""Settings of plenary, read from environment variables.

Development needs none of them: DEBUG defaults to true and the database to
SQLite under var/. Production sets DEBUG=false, SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL (PostgreSQL) and EMAIL_URL; `plenary check --deploy` then passes.
"""

import os
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(os.environ.get("PLENARY_VAR_DIR", PROJECT_DIR / "var"))


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def email_settings(url: str) -> dict:
    """Turn EMAIL_URL (console://, locmem://, smtp://user:pass@host:587?tls=1) into settings."""
    parts = urlsplit(url)
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtps": "django.core.mail.backends.smtp.EmailBackend",
    }
    if parts.scheme not in backends:
        raise ImproperlyConfigured(
            f"EMAIL_URL: scheme must be one of {', '.join(sorted(backends))}, not {parts.scheme!r}"
        )
    query = dict(item.split("=", 1) for item in parts.query.split("&") if "=" in item)
    return {
        "EMAIL_BACKEND": backends[parts.scheme],
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": query.get("tls") in {"1", "true"},
        "EMAIL_USE_SSL": parts.scheme == "smtps",
    }


def file_storage(environ) -> dict:
    """The "default" storage that documents' and contributions' files go through.

    FILE_STORAGE=local (the default): disk under MEDIA_ROOT, which several app hosts share
    by mounting one volume there (docs/deployment.md). FILE_STORAGE=s3: an S3-compatible
    object store through django-storages: S3_BUCKET (required), S3_ENDPOINT_URL (blank for
    AWS itself), S3_REGION, S3_PREFIX; the keys from AWS_ACCESS_KEY_ID and
    AWS_SECRET_ACCESS_KEY (boto3's own variables). Files are private, reached through signed
    addresses, and never overwritten: a second file of the same name gets a new name.
    """
    kind = environ.get("FILE_STORAGE", "local").strip().lower() or "local"
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"FILE_STORAGE: local or s3, not {kind!r}")
    bucket = environ.get("S3_BUCKET", "").strip()
    if not bucket:
        raise ImproperlyConfigured("FILE_STORAGE=s3 needs S3_BUCKET")
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("S3_REGION", "").strip() or None,
        "location": environ.get("S3_PREFIX", "").strip().strip("/"),
        "default_acl": "private",
        "querystring_auth": True,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


DEBUG = envbool("DEBUG", "true")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY: must be set when DEBUG is false")
    SECRET_KEY = "development-only-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000")
# The convention (short name, e.g. CCM) that today's unscoped addresses redirect to and that
# commands act on without --convention; "" means none: old addresses answer 404 and
# commands require --convention.
PLENARY_DEFAULT_CONVENTION = os.environ.get("PLENARY_DEFAULT_CONVENTION", "").strip()
# The benchmark's floor views (core/floor.py) answer only when this is set.
BENCH_FLOOR_VIEWS = envbool("PLENARY_BENCH_FLOOR", "false")

INSTALLED_APPS = [
    # django.contrib.admin with the back office's own site (core/admin_site.py).
    "plenary.core.apps.BackOfficeConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "plenary.core",
    "plenary.treaties",
    "plenary.reports",
    "plenary.meetings",
    "plenary.documents",
    "plenary.decisions",
    "plenary.finance",
    "plenary.reminders",
    "plenary.action_plan",
    "plenary.drafting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "plenary.core.page_cache.AnonymousPageCache",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "plenary.treaties.scope.ConventionMiddleware",
]

if not DEBUG:
    # Serves the collected static files in production; runserver serves them in development.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")

ROOT_URLCONF = "plenary.urls"
WSGI_APPLICATION = "plenary.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            # Every template's `date` filter writes French's "1er" for the first of a month.
            "builtins": ["plenary.core.templatetags.dates"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "plenary.core.page_cache.shared_parts",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'plenary.sqlite3'}"),
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers run while the one writer writes; IMMEDIATE takes the write
    # lock at BEGIN so concurrent transactions queue instead of failing mid-way.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Failed sign-ins allowed per pair (account, client address) within the window before
# refusal; the window is also the cool-off (core.selectors.login_refused). Every sign-in
# path counts, the back office's included; a password reset clears the account's.
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW_SECONDS = int(os.environ.get("LOGIN_FAILURE_WINDOW_SECONDS", "900"))
# Password reset requests per client address, and per e-mail address, within the window
# (counted in the shared "default" cache: core/throttle.py).
PASSWORD_RESET_LIMIT = int(os.environ.get("PASSWORD_RESET_LIMIT", "5"))
PASSWORD_RESET_WINDOW_SECONDS = int(os.environ.get("PASSWORD_RESET_WINDOW_SECONDS", "3600"))

LANGUAGE_CODE = "en"
# The six official languages of the United Nations. Django's `get_language_info` names
# each in its own script for the switcher, and marks Arabic right to left (LANGUAGE_BIDI
# is computed from it per request); "zh-hans" is Simplified Chinese, as the UN writes it.
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates and numbers per language (plenary/formats/<language>/formats.py): Django's own
# formats, except where its short month names are ambiguous (French "jui" for both June
# and July), so every page writes dates the same unambiguous way in every language.
FORMAT_MODULE_PATH = ["plenary.formats"]
TIME_ZONE = "Europe/Zurich"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Documents' files go through Django's storage API ("default" below): local disk under
# MEDIA_ROOT (a shared volume with several app hosts), or an S3-compatible object store
# with FILE_STORAGE=s3 (`file_storage` above).
DOCUMENT_MAX_UPLOAD_BYTES = int(os.environ.get("DOCUMENT_MAX_UPLOAD_BYTES", 20 * 1024 * 1024))
STORAGES = {
    "default": file_storage(os.environ),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

globals().update(email_settings(os.environ.get("EMAIL_URL", "console://")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "plenary@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Anonymous readers' pages are cached until the records change (core/page_cache.py); each
# process keeps its own copies, and the generation they are keyed by is in the database.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "plenary-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "true")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True

# Structured lines (core/request_log.py): key=value, or JSON with LOG_FORMAT=json, each
# naming the request id, the user and the convention. ADMINS ("a@x.org,b@y.org") get errors.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "keyvalue")
ACCESS_LOG = envbool("ACCESS_LOG", "false" if DEBUG else "true")
ADMINS = [(address, address) for address in envlist("ADMINS", "")]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "plenary.core.request_log.RequestFilter"}},
    "formatters": {"structured": {"()": "plenary.core.request_log.KeyValueFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request"],
            "formatter": "structured",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["request"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "plenary": {"level": os.environ.get("PLENARY_LOG_LEVEL", "WARNING" if DEBUG else "INFO")},
        # Replaces Django's default "django" logger, whose own mail_admins handler would
        # mail every error a second time; its lines go to the root's console.
        "django": {"handlers": [], "level": os.environ.get("LOG_LEVEL", "WARNING")},
        # AdminEmailHandler sends nothing while ADMINS is empty.
        "django.request": {"handlers": ["mail_admins"], "level": "ERROR"},
    },
}

# With SENTRY_DSN set, errors (and error log lines) also go to Sentry (core/sentry.py).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "production" if not DEBUG else "dev")
if SENTRY_DSN:
    from plenary.core.sentry import start_sentry

    start_sentry(dsn=SENTRY_DSN, environment=SENTRY_ENVIRONMENT)

REFERENCE_DATA_DIR = Path(os.environ.get("REFERENCE_DATA_DIR", PROJECT_DIR / "data"))
# The conventions `plenary load_reference` loads, each from REFERENCE_DATA_DIR/<slug>/ when
# that directory exists (slug: the short name in lower case); empty: every convention with a
# file in PLENARY_CONVENTIONS_DIR.
PLENARY_CONVENTIONS = envlist("PLENARY_CONVENTIONS", "")
DEMO_PASSWORD = os.environ.get("DEMO_PASSWORD", "plenary-demo")
# One TOML file per convention (plenary.rules.conventions), read at start-up.
PLENARY_CONVENTIONS_DIR = Path(
    os.environ.get("PLENARY_CONVENTIONS_DIR", PROJECT_DIR / "data" / "conventions")
)

# Reminders (plenary.reminders): each module here has `deadlines_between(*, start, end,
# state=None)`; a new capability's deadlines are one more line.
# The convention (short name, e.g. "CCM") commands act on without --convention; "": none.
PLENARY_DEFAULT_CONVENTION = os.environ.get("PLENARY_DEFAULT_CONVENTION", "")
PLENARY_DEADLINE_PROVIDERS = [
    "plenary.treaties.deadlines",
    "plenary.meetings.deadlines",
    "plenary.decisions.deadlines",
    "plenary.finance.deadlines",
    "plenary.action_plan.deadlines",
]
# Whole days before a deadline's day; checked by plenary.rules.reminders.parse_offsets.
REMINDER_OFFSETS_DAYS = envlist("REMINDER_OFFSETS_DAYS", "30,7,1")
REMINDER_MISSED_WITHIN_DAYS = int(os.environ.get("REMINDER_MISSED_WITHIN_DAYS", "7"))
REMINDER_CLAIM_SECONDS = int(os.environ.get("REMINDER_CLAIM_SECONDS", "600"))
REMINDER_MAX_ATTEMPTS = int(os.environ.get("REMINDER_MAX_ATTEMPTS", "5"))
REMINDER_INTERVAL_SECONDS = int(os.environ.get("REMINDER_INTERVAL_SECONDS", "300"))

# --- Deployment (issue 25) ---------------------------------------------------------------
# First, so that every log line of a request carries its id (core/request_log.py), and the
# address it sees is the client's when the peer is a trusted proxy (core/proxy.py).
TRUSTED_PROXIES = envlist("TRUSTED_PROXIES", "")
MIDDLEWARE[0:0] = [
    "plenary.core.request_log.RequestContext",
    "plenary.core.proxy.RealClientAddress",
]

# CACHE_URL=redis://host:6379/0 shares one Redis among every app process (the page cache
# and anything else cached); without it each process keeps its own (fine for one process;
# `check --deploy` refuses it when APP_PROCESSES or WEB_CONCURRENCY is above 1).
CACHE_URL = os.environ.get("CACHE_URL", "")
if CACHE_URL:
    if urlsplit(CACHE_URL).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured("CACHE_URL: must be redis://, rediss:// or unix://")
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": f"plenary-{alias}",
        }
        for alias in ("default", "pages")
    }
    # What the page cache keeps never changes under its key (the key names the records'
    # generations, or a user's grants version): each process keeps a copy of what it read
    # from Redis too (core/cache.py), and answers a hit without a round trip.
    CACHES["pages"] = {
        "BACKEND": "plenary.core.cache.LocalFirst",
        "OPTIONS": {"SHARED": CACHES["pages"], "LOCAL_ENTRIES": 2000},
    }

# --- Scheduler (issue 25; core/scheduler.py, run by `plenary scheduler`) -----------------
# The one list of periodic jobs: (name, every N seconds, callable taking `now=`).
SCHEDULER_TICK_SECONDS = float(os.environ.get("SCHEDULER_TICK_SECONDS", "5"))
TASK_RESULTS_KEEP_DAYS = int(os.environ.get("TASK_RESULTS_KEEP_DAYS", "14"))
PLENARY_SCHEDULE = [
    # A procedure is concluded within a minute of its deadline.
    ("conclude_silence_procedures", 30, "plenary.jobs.conclude_silence_procedures"),
    ("send_reminders", REMINDER_INTERVAL_SECONDS, "plenary.jobs.send_reminders"),
    ("clear_expired_sessions", 3600, "plenary.jobs.clear_expired_sessions"),
    ("prune_task_results", 86400, "plenary.jobs.prune_task_results"),
    # On the day the Convention enters into force for a State its Delegation is told, once.
    ("notify_entries_into_force", 3600, "plenary.jobs.notify_entries_into_force"),
]
# /healthz fails when the oldest task ready to run has waited longer than this.
HEALTHZ_MAX_QUEUE_LAG_SECONDS = int(os.environ.get("HEALTHZ_MAX_QUEUE_LAG_SECONDS", "300"))

# --- Security (issue 24; docs/security.md) -----------------------------------------------
# Bodies are refused from their Content-Length before any of them is read (core/limits.py):
# a signed-in caller may send a document's file and some form around it; anyone else a form.
REQUEST_MAX_BODY_BYTES = int(
    os.environ.get("REQUEST_MAX_BODY_BYTES", DOCUMENT_MAX_UPLOAD_BYTES + 1024 * 1024)
)
ANONYMOUS_MAX_BODY_BYTES = int(os.environ.get("ANONYMOUS_MAX_BODY_BYTES", 64 * 1024))
# What Django reads into memory outside files, and how many fields it parses.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(os.environ.get("DATA_UPLOAD_MAX_MEMORY_SIZE", 2_621_440))
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# The longest text any API value may carry (the longest column is a TextField).
MAX_TEXT_LENGTH = int(os.environ.get("MAX_TEXT_LENGTH", "20000"))
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "plenary.core.limits.BodyLimit",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("plenary.core.limits.BodyLimit") + 1, "plenary.core.limits.ApiInputLimits"
)
# The anonymous API's rate per client address (api/auth.py), e.g. "300/m"; ninja reads
# the client's address from REMOTE_ADDR only (core/proxy.py sets it from a trusted proxy).
API_ANONYMOUS_RATE = os.environ.get("API_ANONYMOUS_RATE", "300/m")
NINJA_NUM_PROXIES = 0
# A time budget per statement on PostgreSQL, so that no request holds a connection forever.
# Content-Security-Policy and the other headers, on cached pages too (core/headers.py).
MIDDLEWARE.insert(
    MIDDLEWARE.index("plenary.core.proxy.RealClientAddress") + 1,
    "plenary.core.headers.SecurityHeaders",
)
X_FRAME_OPTIONS = "DENY"
# The API docs' Swagger UI from django-ninja's own static files, not a CDN.
INSTALLED_APPS.append("ninja")
STATEMENT_TIMEOUT_MS = int(os.environ.get("STATEMENT_TIMEOUT_MS", "30000"))
if DATABASES["default"]["ENGINE"].startswith("django.db.backends.postgresql"):
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
    )

# --- Speed (issue 26) -----------------------------------------------------------------------
# Every GET answer carries an ETag (a hash of its content); a client that sends it back in
# If-None-Match gets 304 Not Modified without the body, so that re-syncing an unchanged API
# list costs the query but not the transfer. Inside the security headers, so a 304 keeps them.
MIDDLEWARE.insert(
    MIDDLEWARE.index("plenary.core.headers.SecurityHeaders") + 1,
    "django.middleware.http.ConditionalGetMiddleware",
)
# Django's database sessions, read with one fixed statement (core/sessions.py).
SESSION_ENGINE = "plenary.core.sessions"
# A second factor (TOTP, django-otp) for the Secretariat, the Presidency, the ISU and the
# back office (core/two_factor.py): required when DEBUG is false; the development demo
# accounts (`plenary demo_users`) may sign in without it while TWO_FACTOR_EXEMPT_DEMO is on.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
TWO_FACTOR_REQUIRED = envbool("TWO_FACTOR_REQUIRED", "false" if DEBUG else "true")
TWO_FACTOR_EXEMPT_DEMO = envbool("TWO_FACTOR_EXEMPT_DEMO", "true" if DEBUG else "false")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "plenary")
# The same users' sessions end after this long without a request (0: never).
STAFF_SESSION_IDLE_SECONDS = int(os.environ.get("STAFF_SESSION_IDLE_SECONDS", "1800"))
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
    "django_otp.middleware.OTPMiddleware",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django_otp.middleware.OTPMiddleware") + 1,
    "plenary.core.two_factor.StaffIdleTimeout",
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("plenary.core.two_factor.StaffIdleTimeout") + 1,
    "plenary.core.two_factor.SecondFactorRequired",
)

# How long the API keeps the first answer to a write sent with an Idempotency-Key
# (api/idempotency.py): a day, pruned hourly.
IDEMPOTENCY_KEY_SECONDS = int(os.environ.get("IDEMPOTENCY_KEY_SECONDS", "86400"))
PLENARY_SCHEDULE.append(("prune_idempotency_keys", 3600, "plenary.jobs.prune_idempotency_keys"))

# Uploads larger than FILE_UPLOAD_MAX_MEMORY_SIZE are spooled to files in this directory of
# their own; a worker killed mid-request leaves its file behind, and the scheduler deletes
# any older than UPLOAD_TEMP_MAX_AGE_SECONDS (plenary.jobs.prune_upload_files).
FILE_UPLOAD_TEMP_DIR = str(Path(os.environ.get("FILE_UPLOAD_TEMP_DIR", VAR_DIR / "uploads")))
UPLOAD_TEMP_MAX_AGE_SECONDS = int(os.environ.get("UPLOAD_TEMP_MAX_AGE_SECONDS", "3600"))
PLENARY_SCHEDULE.append(("prune_upload_files", 600, "plenary.jobs.prune_upload_files"))
