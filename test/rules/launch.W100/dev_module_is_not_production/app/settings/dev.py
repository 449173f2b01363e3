# ok: launch.W100
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
