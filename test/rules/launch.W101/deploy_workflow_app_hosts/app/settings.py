"""Production settings. The hosts come from the environment; the deploy workflow gives only a .app domain (Koyeb's sample)."""
# note: launch.W101
import os

DEBUG = False
ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
