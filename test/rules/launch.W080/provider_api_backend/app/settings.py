import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "anymail", "app"]
ROOT_URLCONF = "app.urls"
# django-anymail: one HTTPS call to the provider's API per message, in the request
EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
