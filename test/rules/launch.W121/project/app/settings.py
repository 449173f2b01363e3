import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["blog.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "blog"]
ROOT_URLCONF = "app.urls"
