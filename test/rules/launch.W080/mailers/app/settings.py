import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
ADMINS = [("Ops", "ops@example.com")]
MANAGERS = ADMINS
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "accounts"]
ROOT_URLCONF = "app.urls"
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "smtp.example.com")
