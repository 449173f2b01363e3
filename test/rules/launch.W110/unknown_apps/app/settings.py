import os

from .apps_list import EXTRA_APPS

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "app"] + EXTRA_APPS
ROOT_URLCONF = "app.urls"
