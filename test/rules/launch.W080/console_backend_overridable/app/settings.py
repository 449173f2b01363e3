import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "app"]
ROOT_URLCONF = "app.urls"
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# each deployment's own settings, not in the repository: they may choose a backend that delivers
from app.local_settings import *  # noqa
