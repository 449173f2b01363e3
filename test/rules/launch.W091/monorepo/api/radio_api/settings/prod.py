import os

import sentry_sdk
from radio_shared.tracing import setup_tracing

from ._base import *  # noqa: F401,F403

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False

sentry_sdk.init(
    dsn=os.environ.get("SENTRY_DSN"),
    # ruleid: launch.W091
    traces_sample_rate=1.0,
)
setup_tracing()
