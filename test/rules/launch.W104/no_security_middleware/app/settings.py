# ok: launch.W104
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
