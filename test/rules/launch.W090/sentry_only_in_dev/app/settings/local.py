# ok: launch.W090
import sentry_sdk

DEBUG = True
SECRET_KEY = "dev"
sentry_sdk.init(dsn="", environment="local")
