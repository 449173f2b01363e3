import sentry_sdk

from .production import *  # noqa: F401,F403

DEBUG = True
# ok: launch.W091
sentry_sdk.init(traces_sample_rate=1.0)
