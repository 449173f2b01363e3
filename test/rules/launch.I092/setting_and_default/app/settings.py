import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
# ruleid: launch.I092
SENTRY_DSN = "https://0123456789abcdef0123456789abcdef:fedcba9876543210fedcba9876543210@sentry.io/99"
# ruleid: launch.I092
SENTRY_FRONTEND_DSN = os.environ.get("SENTRY_FRONTEND_DSN", "https://aaaabbbbccccddddaaaabbbbccccdddd@o1.ingest.us.sentry.io/7")
RAVEN_CONFIG = {
    # ruleid: launch.I092
    "dsn": "https://11112222333344441111222233334444@sentry.io/5",
}
# ok: launch.I092
EXAMPLE_DSN = "https://examplePublicKey@o0.ingest.sentry.io/0"
# ok: launch.I092
SENTRY_DSN_FROM_ENV = os.environ.get("SENTRY_DSN", "")
