import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes"]
ROOT_URLCONF = "app.urls"
# django-ratelimit-backend checks every password first: failed attempts per address are counted in the cache.
AUTHENTICATION_BACKENDS = ["ratelimitbackend.backends.RateLimitModelBackend"]
