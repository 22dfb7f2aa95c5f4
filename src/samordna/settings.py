"""Django settings, read from the environment (documented in README.md)."""
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent


def _flag(name, default="0"):
    return os.environ.get(name, default).strip().lower() in {"1", "true", "yes", "on"}


DATA_DIR = Path(os.environ.get("SAMORDNA_DATA_DIR", "var")).resolve()
DEBUG = _flag("SAMORDNA_DEBUG")
# A fixed development key is only acceptable because production must set its own; the "django-insecure-" prefix makes
# `samordna check --deploy` complain (security.W009) when SAMORDNA_SECRET_KEY is missing.
SECRET_KEY = os.environ.get("SAMORDNA_SECRET_KEY", "django-insecure-samordna-development-key-not-for-production")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("SAMORDNA_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "samordna.accounts",
    "samordna.associations",
    "samordna.board",
    "samordna.documents",
    "samordna.notices",
    "samordna.registry",
    "samordna.interventions",
    "samordna.economy",
    "samordna.control",
    "samordna.survey",
    "samordna.search",
    "samordna.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "samordna.security.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "samordna.accounts.audit.AuditMiddleware",  # who acts, for the audit log
    "samordna.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into the Swedish lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samordna.urls"
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
                "samordna.accounts.context.acting_association",
            ],
        },
    }
]
# Project templates may override Django's form templates (labels without colons, errors above the input).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "samordna.wsgi.application"

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    # Several server processes share the file: WAL lets readers go on while one writes, writers queue (IMMEDIATE,
    # busy timeout) instead of failing with "database is locked", and a connection lives across requests.
    DATABASES = {"default": {
        "ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "samordna.sqlite3", "CONN_MAX_AGE": 60,
        "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20,
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"},
    }}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
# --- Accounts and authentication (samordna.accounts; see accounts/auth.py for adding e-ID/SAML) ---
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes keep working and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SAMORDNA_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SAMORDNA_LOGIN_COOLOFF_MINUTES", "15")))
# Locking a user name everywhere would let anyone lock out the chair; locking an address would lock a whole office.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
AXES_VERBOSE = False
SAMORDNA_TWO_FACTOR_REQUIRED = _flag("SAMORDNA_TWO_FACTOR_REQUIRED", "1")
OTP_TOTP_ISSUER = "samordna"
SESSION_COOKIE_AGE = int(os.environ.get("SAMORDNA_SESSION_SECONDS", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 24
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True
# Paragraph numbers (§ 1121) must never be grouped; amounts are grouped explicitly with |intcomma.
USE_THOUSAND_SEPARATOR = False
FORMAT_MODULE_PATH = ["samordna.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
EMAIL_BACKEND = os.environ.get("SAMORDNA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# The anonymous exit survey's paths (/e/…) never reach a log: a participant's visit must leave no trace.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_survey": {"()": "samordna.survey.logging.OmitSurveyPaths"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_survey"]}},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

# --- Hardening (issue 9 item 6) -----------------------------------------------------------------------------------
# Production is: SAMORDNA_DEBUG unset, SAMORDNA_SECRET_KEY set, SAMORDNA_ALLOWED_HOSTS set and SAMORDNA_HTTPS=1; then
# `samordna check --deploy` reports nothing. HTTPS-only settings follow SAMORDNA_HTTPS alone, so the demo on
# http://127.0.0.1 keeps working with secure defaults everywhere else.
HTTPS = _flag("SAMORDNA_HTTPS")
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SAMORDNA_HSTS_SECONDS", str(365 * 24 * 60 * 60))) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SAMORDNA_HSTS_SUBDOMAINS", "1")
SECURE_HSTS_PRELOAD = _flag("SAMORDNA_HSTS_PRELOAD", "1")
if _flag("SAMORDNA_BEHIND_PROXY"):
    # Trust X-Forwarded-Proto only behind a proxy that sets it itself, or anyone could claim to be on HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("SAMORDNA_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]
CSRF_FAILURE_VIEW = "samordna.accounts.views_audit.csrf_failure"  # Swedish 403, recorded in the audit log
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Nothing in samordna uses these browser features; an injected script or frame cannot ask for them either.
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                      "payment=(), usb=(), browsing-topics=()")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Scripts only from our own static files: no inline <script>, no on*= handlers, no javascript: URLs
        # (tests/test_hardening_templates.py keeps it that way).
        "script-src": ["'self'"],
        # Styles need 'unsafe-inline': the pygal charts are inline SVG carrying their own <style> element, and a few
        # templates set a computed colour in style="" (the risk heat map's legend). Neither can carry a nonce without
        # rewriting the chart output, and inline CSS cannot run code; scripts, the real danger, stay strict.
        "style-src": ["'self'", "'unsafe-inline'"],
        # The empty favicon (<link rel="icon" href="data:,">) is a data: URL.
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
