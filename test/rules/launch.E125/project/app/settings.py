import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["app.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "prefs", "backups", "exports"]
ROOT_URLCONF = "app.urls"
