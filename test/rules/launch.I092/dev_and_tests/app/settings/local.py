from .production import *  # noqa: F401,F403

DEBUG = True
# ok: launch.I092
SENTRY_DSN = "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1"
