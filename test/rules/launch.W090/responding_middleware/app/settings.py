"""Production settings: no error tracker, no ADMINS; a middleware turns exceptions into JSON and tells no one."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "app.middleware.JsonErrorMiddleware",
]
