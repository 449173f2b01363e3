# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
# the project's own middleware mails every unhandled exception's traceback to the staff list (ocfweb)
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "app.middleware.ErrorReportMiddleware",
]
