"""Production settings on Fly.io: the host is the app's name under .fly.dev, and a custom domain under .com: plain HTTP reaches that one."""
# ruleid: launch.W105
import os

DEBUG = False
APP_NAME = os.environ.get("FLY_APP_NAME")
ALLOWED_HOSTS = [f"{APP_NAME}.fly.dev", f"{APP_NAME}.example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
