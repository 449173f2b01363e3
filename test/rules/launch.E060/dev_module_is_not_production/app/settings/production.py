INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
# ok: launch.E060
STATIC_ROOT = "/srv/static"
