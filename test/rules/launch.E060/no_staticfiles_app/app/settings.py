# An API without django.contrib.staticfiles has nothing to collect.
# ok: launch.E060
INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework"]
