from .flags import tracing_enabled

ALLOWED_HOSTS = ["example.com"]
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
if tracing_enabled():
    # ok: launch.W100
    MIDDLEWARE.insert(0, "django.middleware.security.SecurityMiddleware")
