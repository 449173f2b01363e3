"""A log-pipeline handler the request loggers do not use: the project ships records to a pipeline, and may route
its errors there by means the scan does not follow (CVAT's REST exception handler records each traceback as an
event for its `vector` logger) — it counts, as it did."""

# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "vector": {"class": "logstash_async.handler.AsynchronousLogstashHandler", "host": "vector", "port": 8282},
    },
    "loggers": {"django": {"level": "INFO"}, "vector": {"handlers": ["vector"], "propagate": False}},
}
