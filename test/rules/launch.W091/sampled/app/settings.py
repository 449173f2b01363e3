import os

import sentry_sdk

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False

sentry_sdk.init(
    dsn=os.environ.get("SENTRY_DSN"),
    # ok: launch.W091
    traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0.1")),
)
