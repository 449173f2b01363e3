import os

import sentry_sdk

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False

sentry_sdk.init(
    # ruleid: launch.I092
    dsn="https://0123456789abcdef0123456789abcdef@o123456.ingest.sentry.io/4504",
    traces_sample_rate=0.1,
)
