import os

import sentry_sdk

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
# ok: launch.I092
sentry_sdk.init(dsn=os.environ["SENTRY_DSN"])
