"""Settings for running the stock admin locally."""
import os

SECRET_KEY = os.environ["STOCK_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["stock.example.com"]
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "stock"}}
ROOT_URLCONF = "legacy.urls"
