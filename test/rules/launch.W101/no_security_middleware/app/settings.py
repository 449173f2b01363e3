# Without SecurityMiddleware the setting does nothing: launch.W100 reports the middleware.
# ok: launch.W101
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
