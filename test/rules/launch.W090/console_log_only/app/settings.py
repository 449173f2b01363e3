"""Logs go to the console only: errors are in the container log and nobody is told."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}, "file": {"class": "logging.handlers.RotatingFileHandler", "filename": "/var/log/app.log"}},
    "root": {"handlers": ["console", "file"], "level": "WARNING"},
}
