# An API whose clients send a token header: no sessions, no admin, no cookie login to frame.
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "app",
]
# note: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
