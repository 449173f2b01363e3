"""The same optional import; the image installs sentry-sdk from a file of its own when a DSN is given (openIMIS)."""

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
