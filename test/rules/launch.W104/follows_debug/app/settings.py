import os

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
INSTALLED_APPS = ["django.contrib.sessions"]
# launch.E010 reports DEBUG on when DJANGO_DEBUG is unset; the settings below follow it, so they are notes.
DEBUG = os.environ.get("DJANGO_DEBUG", "true") == "true"
# note: launch.W104
SECURE_SSL_REDIRECT = not DEBUG
# note: launch.W105
SESSION_COOKIE_SECURE = not DEBUG
# note: launch.W106
CSRF_COOKIE_SECURE = not DEBUG
# note: launch.W101
SECURE_HSTS_SECONDS = 0 if DEBUG else 31536000
