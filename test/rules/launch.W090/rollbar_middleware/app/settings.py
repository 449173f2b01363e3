# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "rollbar.contrib.django.middleware.RollbarNotifierMiddlewareExcluding404",
]
