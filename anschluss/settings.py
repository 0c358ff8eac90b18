"""Anschluss settings: one file, configured through the environment.

Every setting that differs between development and production is read with one of the typed helpers below.
A value that cannot be parsed raises ImproperlyConfigured naming the variable, so a typo stops the start
instead of silently falling back to a default.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ANSCHLUSS_VAR_DIR", BASE_DIR / "var"))

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of {sorted(_TRUE | _FALSE - {''})}, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file named by NAME_FILE (Docker/Kubernetes secrets)."""
    file_name = os.environ.get(f"{name}_FILE")
    if file_name:
        try:
            return Path(file_name).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"{name}_FILE names {file_name!r}, which cannot be read: {exc}"
            ) from None
    return os.environ.get(name, default)


DEBUG = env_bool("DEBUG", False)
# The demo: fixed personas may skip the second factor, and every page says so in a banner.
DEMO_MODE = env_bool("ANSCHLUSS_DEMO", False)
TESTING = env_bool("ANSCHLUSS_TESTING", False)


def _secret_key() -> str:
    key = env_secret("SECRET_KEY")
    if key:
        return key
    if not (DEBUG or DEMO_MODE or TESTING):
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when DEBUG is off. "
            "Generate one with: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    # Development: generate a key once and keep it under var/, so sessions survive a restart.
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG or DEMO_MODE else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "anschluss.core",
    "anschluss.accounts",
    "anschluss.occupations",
    "anschluss.offers",
    "anschluss.students",
    "anschluss.placements",
    "anschluss.api",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    "csp",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "anschluss.core.middleware.MunicipalityScopeMiddleware",
    "anschluss.accounts.middleware.RequireSecondFactorMiddleware",
    "anschluss.core.middleware.PrivateCacheControlMiddleware",
    # Last, so that it sees the outcome of the whole authentication stack.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "anschluss.urls"
FORM_RENDERER = "anschluss.core.forms_rendering.KernFormRenderer"
WSGI_APPLICATION = "anschluss.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "anschluss" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "anschluss.core.context_processors.platform",
            ],
        },
    },
]

# Database: SQLite under var/ by default, anything dj-database-url understands otherwise.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'anschluss.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL cannot be parsed: {exc}") from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    if TESTING:
        # The test database is a file, not Django's shared in-memory database: the live server of the browser
        # tests then serves each request on its own connection, instead of sharing the test's connection
        # across its threads (concurrent requests interleaved savepoints: "no such savepoint"). One file per
        # test run (pytest-django appends the xdist worker, e.g. _gw0), in ANSCHLUSS_TEST_DB_DIR or the
        # temporary directory; Django deletes it at the end of the run.
        import tempfile

        _test_run = os.environ.get("PYTEST_XDIST_TESTRUNUID") or str(os.getpid())
        _test_db_dir = Path(os.environ.get("ANSCHLUSS_TEST_DB_DIR") or tempfile.gettempdir())
        DATABASES["default"]["TEST"] = {
            "NAME": str(_test_db_dir / f"anschluss-test-{_test_run[:12]}.sqlite3")
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:start"
LOGOUT_REDIRECT_URL = "core:platform_home"

# django-allauth: log in with e-mail or username; nobody signs up on their own (students join by class code).
ACCOUNT_ADAPTER = "anschluss.accounts.adapter.AccountAdapter"
ACCOUNT_FORMS = {"login": "anschluss.accounts.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_RATE_LIMITS = False if TESTING else {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Anschluss"

# django-axes: lock out a username from one IP after repeated failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "anschluss.accounts.lockout.username_of_attempt"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLED = env_bool("AXES_ENABLED", True)

# Behind a reverse proxy, the client's address comes from X-Forwarded-For: TRUSTED_PROXY_COUNT says how many
# proxies (that overwrite or append the header) stand in front of the app. 0 = use REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

# E-mail: printed to the console unless an SMTP server is configured.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
    EMAIL_HOST_PASSWORD = env_secret("EMAIL_HOST_PASSWORD")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Anschluss <noreply@anschluss.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Operators", a) for a in env_list("ADMINS", [])]

# Celery: without a broker, tasks run in-process (eager); with one, on real workers.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# crontab entries of the schedule are read in the platform's time zone (crontab(hour=7) is 07:00 in Dortmund).
CELERY_TIMEZONE = "Europe/Berlin"
# The periodic tasks (each app adds its entries below). Without a broker `manage.py run_periodic` runs them
# (`make demo` starts it); with a broker, `celery -A anschluss beat`. See docs/operations.md.
CELERY_BEAT_SCHEDULE: dict[str, dict] = {}

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "cache"}}
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cache" if REDIS_URL else "django.contrib.sessions.backends.db"
)

LANGUAGE_CODE = "de"
LANGUAGES = [("de", _("German")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "anschluss" / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "anschluss" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# Uploaded files hold personal data: outside the web root, served only through views that check permissions.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# Security headers. CSP: no inline scripts or styles, nothing from other origins, no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 3600)
if not DEBUG and not DEMO_MODE and not TESTING:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
    # core.services.ServiceError -> 400 with the translated message.
    "EXCEPTION_HANDLER": "anschluss.api.exceptions.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Anschluss API",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        # Tests request forbidden and missing pages on purpose; their log lines are noise there.
        "django.request": {"level": "ERROR" if TESTING else "WARNING"},
    },
}


# --- offers (the offer portal) -------------------------------------------------------------------------------
# Days a company has to acknowledge an application; after that a reminder, and after ESCALATE more days the
# liaisons are told.
OFFERS_ACKNOWLEDGE_DAYS = env_int("OFFERS_ACKNOWLEDGE_DAYS", 3)
OFFERS_ESCALATE_DAYS = env_int("OFFERS_ESCALATE_DAYS", 2)
OFFERS_PAGE_SIZE = 20
# Map tiles for the offer map (Leaflet); the host is allowed in the CSP's img-src.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str("MAP_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
# The Bundesagentur für Arbeit's public Jobsuche API (imported offers of apprenticeships and internships).
BA_JOBSUCHE_URL = env_str("BA_JOBSUCHE_URL", "https://rest.arbeitsagentur.de/jobboerse/jobsuche-service")
BA_JOBSUCHE_API_KEY = env_secret("BA_JOBSUCHE_API_KEY", "jobboerse-jobsuche")
BA_IMPORT_ENABLED = env_bool("BA_IMPORT_ENABLED", False)
BA_IMPORT_PLACE = env_str("BA_IMPORT_PLACE", "Dortmund")
BA_IMPORT_RADIUS_KM = env_int("BA_IMPORT_RADIUS_KM", 15)
BA_IMPORT_MAX_PAGES = env_int("BA_IMPORT_MAX_PAGES", 20)


def _host_of(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url.replace("{s}", "a"))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


_TILE_HOST = _host_of(MAP_TILE_URL)
if _TILE_HOST:
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(_TILE_HOST)
# JSON-LD (schema.org JobPosting) needs no exception: browsers never execute a <script type="application/ld+json">
# data block, so script-src stays 'self' and no page may run an inline script.
CELERY_BEAT_SCHEDULE.update(
    {
        "offers-expire": {"task": "anschluss.offers.tasks.expire_offers", "schedule": 3600.0},
        "offers-acknowledgement-reminders": {
            "task": "anschluss.offers.tasks.send_acknowledgement_reminders",
            "schedule": 3600.0,
        },
        "offers-search-digest": {
            "task": "anschluss.offers.tasks.send_search_digests",
            "schedule": 24 * 3600.0,
        },
        "offers-ba-import": {"task": "anschluss.offers.tasks.import_ba_offers", "schedule": 6 * 3600.0},
    }
)


# --- students (schools and students) -------------------------------------------------------------------------
# Uploads of students (certificates, documents, CV photos): at most 5 MB, PDF, JPEG or PNG, judged by content.
STUDENTS_UPLOAD_MAX_BYTES = env_int("STUDENTS_UPLOAD_MAX_BYTES", 5 * 1024 * 1024)
STUDENTS_UPLOAD_TYPES = ["application/pdf", "image/jpeg", "image/png"]
# Class imports (SchILD-NRW text export, SVWS or plain CSV): size and rows per file.
STUDENTS_IMPORT_MAX_BYTES = env_int("STUDENTS_IMPORT_MAX_BYTES", 2 * 1024 * 1024)
STUDENTS_IMPORT_MAX_ROWS = env_int("STUDENTS_IMPORT_MAX_ROWS", 2000)
# One-time codes on the class code sheet and on guardian letters stay valid this many days.
STUDENTS_CODE_VALID_DAYS = env_int("STUDENTS_CODE_VALID_DAYS", 120)
# Default of the municipality's consent rule: below this age, a guardian decides.
STUDENTS_GUARDIAN_AGE = env_int("STUDENTS_GUARDIAN_AGE", 16)
# VO-DV I § 9: the school's records are kept for years after the student left school, then deleted.
STUDENTS_SCHOOL_RECORD_RETENTION_YEARS = env_int("STUDENTS_SCHOOL_RECORD_RETENTION_YEARS", 5)
# Retention runs every night: personal data past its period is deleted (services/rights.py).
CELERY_BEAT_SCHEDULE["students-retention"] = {
    "task": "anschluss.students.apply_retention",
    "schedule": crontab(hour=3, minute=15),
}
if TESTING:
    # Tests write uploads and generated PDFs: keep them out of var/media.
    import tempfile

    MEDIA_ROOT = Path(tempfile.gettempdir()) / "anschluss-test-media"
