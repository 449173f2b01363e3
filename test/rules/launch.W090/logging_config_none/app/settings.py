"""LOGGING_CONFIG = None: Django applies no logging configuration, its default mail_admins included; the settings
configure logging themselves, the app's logger to a file (PyCon Taiwan's production settings, whose `django` logger also logs to a file)."""

# ruleid: launch.W090
import logging.config
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
ADMINS = [("Ops", "ops@shop-ops.net")]
LOGGING_CONFIG = None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"file": {"class": "logging.FileHandler", "filename": "/var/log/django.log"}},
    "loggers": {"app": {"handlers": ["file"]}},
}
logging.config.dictConfig(LOGGING)
