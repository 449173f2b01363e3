"""Production settings of the verify test site; each VERIFY_SITE_* variable seeds one fault (README.md)."""
import os
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent


def flag(name):
    return os.environ.get(name) == "1"


SECRET_KEY = "verify-site-5e1b0c9a7f3d4e2b8a6c1d0f9e8b7a6c5d4e3f2a1b0c9d8e"
DEBUG = flag("VERIFY_SITE_DEBUG")
ALLOWED_HOSTS = ["127.0.0.1", "app.example.test"]

DATABASES = {}
INSTALLED_APPS = ["django.contrib.staticfiles", "verifysite"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
ROOT_URLCONF = "verifysite.urls"
WSGI_APPLICATION = "verifysite.wsgi.application"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True}]
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("VERIFY_SITE_STATIC_ROOT", str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
if django.VERSION >= (4, 2):
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
else:
    STATICFILES_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"

# Behind nginx, which terminates TLS and sets X-Forwarded-Proto.
if not flag("VERIFY_SITE_NO_PROXY_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = not flag("VERIFY_SITE_NO_SSL_REDIRECT")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = not flag("VERIFY_SITE_SESSION_INSECURE")
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
