import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "mocklogin", "accounts"]
ROOT_URLCONF = "app.urls"
# A stand-in login provider: the local settings turn it on.
MOCK_LOGIN = False
