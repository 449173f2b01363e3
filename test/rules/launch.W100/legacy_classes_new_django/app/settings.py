"""Production settings of a Django 4.2 project: MIDDLEWARE_CLASSES is ignored since 2.0."""
# ruleid: launch.W100
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
MIDDLEWARE_CLASSES = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
