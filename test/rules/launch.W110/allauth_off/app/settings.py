import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "allauth", "allauth.account", "app"]
ACCOUNT_RATE_LIMITS = False
ROOT_URLCONF = "app.urls"
