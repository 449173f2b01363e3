import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "axes", "app"]
AXES_ENABLED = False
ROOT_URLCONF = "app.urls"
