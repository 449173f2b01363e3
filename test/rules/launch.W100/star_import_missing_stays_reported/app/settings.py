from .base import *  # noqa

# ruleid: launch.W100
MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
