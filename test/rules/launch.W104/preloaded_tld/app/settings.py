"""Production settings. Every host is under a TLD browsers load over HTTPS only (.app, .dev); localhost only with DEBUG."""
# note: launch.W104
import os

DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = [".railway.app", "shop.dev"]
if DEBUG:
    ALLOWED_HOSTS += ["127.0.0.1", "localhost"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
