import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# Whatever the environment says: the scan cannot show production keeps it off.
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "on"
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "app"]
ROOT_URLCONF = "app.urls"
