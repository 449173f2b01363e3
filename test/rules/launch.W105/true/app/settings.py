# ok: launch.W105
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
]
# ok: launch.W105
SESSION_COOKIE_SECURE = True
