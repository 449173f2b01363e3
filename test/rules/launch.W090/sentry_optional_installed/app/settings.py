"""The same optional import, and the requirements install sentry-sdk: it loads."""

# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]

try:
    import sentry_sdk

    sentry_sdk.init(dsn=os.environ["SENTRY_DSN"])
except (ImportError, KeyError):
    pass
