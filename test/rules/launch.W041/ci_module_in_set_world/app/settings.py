"""Polling stations' shape: CI's settings are imported when CIRCLECI is set, which the scan's "everything set"
world also does. The finding that world makes stays on these settings' own DATABASES line, never on ci.py."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "HOST": os.environ.get("DB_HOST", "db"),
        "CONN_MAX_AGE": 60,
    }
}

if os.environ.get("CIRCLECI"):
    from .ci import *  # noqa
