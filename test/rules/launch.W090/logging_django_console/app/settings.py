"""ADMINS is real, but LOGGING gives the `django` logger its own handlers: Django's mail_admins is gone (OSMCha's settings)."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
ADMINS = [("Ops", "ops@shop-ops.net")]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "INFO"}},
}
