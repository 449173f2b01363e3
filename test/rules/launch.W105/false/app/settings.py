INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
]
# ruleid: launch.W105
SESSION_COOKIE_SECURE = False
