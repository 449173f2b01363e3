"""ADMINS is real, but LOGGING configures only the root logger and leaves disable_existing_loggers at its default,
True: Django's `django` and `django.request` loggers are disabled, and a request error is dropped before any
handler — Django's mail_admins included — sees it."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
ADMINS = [("Ops", "ops@shop-ops.net")]
LOGGING = {
    "version": 1,
    "handlers": {"file": {"class": "logging.handlers.RotatingFileHandler", "filename": "/var/log/app.log"}},
    "root": {"handlers": ["file"], "level": "WARNING"},
}
