import os

from sentry_sdk import init as sentry_init

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
TRACES_RATE = float(os.getenv("SENTRY_TRACES_SAMPLE_RATE", "1.0"))

sentry_init(
    dsn=os.environ.get("SENTRY_DSN"),
    # ruleid: launch.W091
    traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "1")),
)
