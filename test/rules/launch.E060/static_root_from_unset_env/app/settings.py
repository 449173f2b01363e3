import os

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
# ruleid: launch.E060
STATIC_ROOT = os.getenv("DJANGO_STATIC_ROOT")
