import os

from django.core.exceptions import ImproperlyConfigured

DEBUG = False
ALLOWED_HOSTS = ["example.com"]

# startproject's key kept for development only: in any other environment the settings refuse to start without one
if os.environ.get("DJANGO_ENV", "development") == "development":
    # note: launch.E032
    SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "django-insecure-8c!x@p2#v5^k0m&q9r$w3z*t7y(u1i)o4e6a")
else:
    raise ImproperlyConfigured("set DJANGO_SECRET_KEY: production has no development key")
