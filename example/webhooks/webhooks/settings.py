"""
Settings for the payment webhooks service.

A tiny JSON-only Django project: Stripe posts payment events here and the
shop reads them from the shared database. No admin, no sessions, no templates.
"""

# expect: launch.W090 (no error monitoring)
import os

from django.core.management.utils import get_random_secret_key

BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Nothing here is signed with the key (no sessions, no cookies), so a fresh one will do.
SECRET_KEY = get_random_secret_key()  # expect: launch.E033

DEBUG = False

# TODO: add the webhook domain before going live
ALLOWED_HOSTS = []  # expect: launch.E021

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "payments",
]

# JSON in, JSON out: only the middleware the API needs
MIDDLEWARE = [  # expect: launch.W100, launch.W107, launch.W129
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "webhooks.urls"
WSGI_APPLICATION = "webhooks.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("DB_NAME", "shop"),
        "USER": os.environ.get("DB_USER", "shop"),
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": os.environ.get("DB_HOST", "localhost"),
        "PORT": os.environ.get("DB_PORT", "5432"),
        "CONN_MAX_AGE": 60,
    }
}

STRIPE_WEBHOOK_SECRET = os.environ["STRIPE_WEBHOOK_SECRET"]

# The load balancer terminates TLS and says so in X-Forwarded-Proto
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")  # expect: launch.E111

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
