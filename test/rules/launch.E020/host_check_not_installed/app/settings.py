import os

DEBUG = False
# ruleid: launch.E020
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
# The host check is installed only when HOST_CHECK is set: with it unset, nothing checks the Host header.
if os.environ.get("HOST_CHECK"):
    MIDDLEWARE.append("app.middleware.HostCheck")
