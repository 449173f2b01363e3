from .flags import tracing_enabled

ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.W100
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
]
if tracing_enabled():
    MIDDLEWARE += ["opentelemetry.instrumentation.django.middleware.OpenTelemetryMiddleware"]
