"""LOGGING configures the app's own logger and keeps the existing ones: Django's `django` logger still mails ADMINS."""

# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
ADMINS = [("Ops", "ops@shop-ops.net")]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"app": {"handlers": ["console"], "level": "INFO"}},
}
