import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "app"]
ROOT_URLCONF = "app.urls"
# The stack's `smtp` service unless the environment names another host.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "smtp")
EMAIL_PORT = 25
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
