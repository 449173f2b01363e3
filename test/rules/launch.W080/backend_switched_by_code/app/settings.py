import os

from app.env import boolcheck

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "djcelery_email", "app"]
ROOT_URLCONF = "app.urls"
# queued through Celery unless the switch is turned off (MuckRock): which one runs is not known to the scan
if boolcheck(os.environ.get("USE_CELERY_EMAIL", True)):
    CELERY_EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
    EMAIL_BACKEND = "djcelery_email.backends.CeleryEmailBackend"
else:
    EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
