import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "djcelery_email", "app"]
ROOT_URLCONF = "app.urls"
# the project's own backend extends django-celery-email's: Django's mailers still only enqueue a Celery task
EMAIL_BACKEND = "app.mail.QueuedBackend"
CELERY_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
