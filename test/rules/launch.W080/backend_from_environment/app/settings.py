import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "anymail", "app"]
ROOT_URLCONF = "app.urls"
# the backend comes from the environment with no default (SMTP, a provider's API or a queue: the scan cannot say);
# ANYMAIL beside it hints at a provider, the variable decides
EMAIL_BACKEND = os.environ["EMAIL_BACKEND"]
ANYMAIL = {"POSTMARK_SERVER_TOKEN": os.environ.get("POSTMARK_SERVER_TOKEN")}
