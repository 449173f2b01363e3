import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["reports.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "reports"]
ROOT_URLCONF = "app.urls"
