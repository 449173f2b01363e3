"""Errors are shipped to the log pipeline (Logstash over HTTP), where the operators watch them."""

# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
LOG_HANDLER = os.getenv("LOG_HANDLER_CLASS", "AsynchronousLogstashHandler")
LOGGING = {
    "version": 1,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "pipeline": {"class": f"logstash_async.handler.{LOG_HANDLER}", "host": os.getenv("LOG_HOST", "vector")},
    },
    "loggers": {"django.request": {"handlers": ["console", "pipeline"], "level": "ERROR"}},
}
