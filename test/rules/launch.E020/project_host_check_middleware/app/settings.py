import os

DEBUG = False
SITE_HOST = os.environ["SITE_HOST"]
# The project checks hosts itself (app.middleware.HostCheck): it serves custom domains.
# note: launch.E020
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "app.middleware.HostCheck",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
