INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
STATIC_URL = "static/"
# ruleid: launch.E060
STATIC_ROOT = None
