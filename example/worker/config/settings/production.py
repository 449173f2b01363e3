"""
Production settings for the worker.

Everything that differs between deploys is read from the environment,
so the same image runs on staging and production.
"""

# Settings this module never sets are reported at its first statement:
# expect: launch.W102 (no SECURE_HSTS_INCLUDE_SUBDOMAINS)
# expect: launch.I103 (no SECURE_HSTS_PRELOAD)
import os

from .base import *  # noqa: F401,F403

DEBUG = bool(os.getenv("DJANGO_DEBUG", False))  # expect: launch.W011

SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "django-insecure-w0rker-PLANTED-d41c9e")  # expect: launch.E031, launch.E032

# The key before the last rotation, so existing sessions stay valid
SECRET_KEY_FALLBACKS = ["django-insecure-w0rker-OLD-KEY-PLANTED-77b2"]  # expect: launch.W034

ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "").split(",")  # expect: launch.W022

DATABASES = {  # expect: launch.W041
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.getenv("POSTGRES_DB", "worker"),
        "USER": os.getenv("POSTGRES_USER", "worker"),
        "PASSWORD": os.getenv("POSTGRES_PASSWORD", "django-insecure-PLANTED-DB-PASSWORD-0c7e"),
        "HOST": os.getenv("POSTGRES_HOST", "localhost"),
        "PORT": os.getenv("POSTGRES_PORT", "5432"),
    }
}

# Hashed static file names; report exports go to S3
STATICFILES_STORAGE = "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"  # expect: launch.W061
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"  # expect: launch.W061
AWS_STORAGE_BUCKET_NAME = os.getenv("AWS_STORAGE_BUCKET_NAME", "shop-reports")

# HTTPS
# expect: launch.I007
# launch-gate: ignore[launch.W104] the load balancer redirects HTTP to HTTPS
SECURE_SSL_REDIRECT = True  # expect: launch.E109
SECURE_HSTS_SECONDS = 3600  # expect: launch.W103
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The legacy report viewer serves CSV exports as text/plain and relies on sniffing
# launch-gate: ignore[launch.W108] the legacy CSV viewer needs MIME sniffing until it is replaced (OPS-112)
SECURE_CONTENT_TYPE_NOSNIFF = False  # expect: launch.W108

# Error tracking
try:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration
except ImportError:  # sentry-sdk is only installed in the production image
    sentry_sdk = None

if sentry_sdk is not None:
    sentry_sdk.init(
        dsn="https://3f9a1c0e5b7d4e2f8a6c1b0d9e7f5a3c@o450123.ingest.sentry.io/5512345",  # expect: launch.I092
        integrations=[DjangoIntegration()],
        # expect: launch.I006
        # launch-gate: ignore[launch.W091]
        traces_sample_rate=1.0,  # expect: launch.W091
        send_default_pii=True,
    )
