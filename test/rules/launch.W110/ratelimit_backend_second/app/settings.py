import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes"]
ROOT_URLCONF = "app.urls"
# ModelBackend checks the password before the limiting backend is asked: a right guess is never stopped.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend", "ratelimitbackend.backends.RateLimitModelBackend"]
