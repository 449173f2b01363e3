"""Production settings of a Django 1.11 project: MIDDLEWARE unset, so Django reads MIDDLEWARE_CLASSES."""
# ok: launch.W100
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
MIDDLEWARE_CLASSES = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
