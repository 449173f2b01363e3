"""Production settings: django-sslify is installed but switched off, so nothing redirects."""
# ruleid: launch.W104
import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
SSLIFY_DISABLE = os.environ.get("SSLIFY_DISABLE", "1") == "1"
MIDDLEWARE = [
    "sslify.middleware.SSLifyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
