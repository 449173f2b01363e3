"""Logs go to the console as JSON; ERROR records carry Google Cloud Error Reporting's event type, so Error Reporting picks them up from Cloud Logging."""

# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
LOGGING = {
    "version": 1,
    "formatters": {"json": {"()": "app.logformat.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
