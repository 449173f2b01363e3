"""Production settings: no error tracker, no ADMINS — a content-security policy names tracker domains."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
CSP_CONNECT_SRC = ["'self'", "sentry.io", "opentelemetry.io"]
