"""Production settings with the admin installed: its pages need CSS and JavaScript, which nothing collects."""
# ruleid: launch.E060
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
]
STATIC_URL = "static/"
