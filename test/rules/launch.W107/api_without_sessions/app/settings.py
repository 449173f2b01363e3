# An API whose clients send a token header: no session or authentication middleware, no cookie login to frame.
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "app",
]
for plugin in ("payments", "search"):
    INSTALLED_APPS.append(plugin)  # the apps are not known; the middleware is
# note: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
