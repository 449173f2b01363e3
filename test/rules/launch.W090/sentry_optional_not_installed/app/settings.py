"""Sentry is set up only if sentry_sdk imports, and no requirements file installs it (gPodder's settings)."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]

try:
    import sentry_sdk

    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"])
except (ImportError, KeyError):
    pass
