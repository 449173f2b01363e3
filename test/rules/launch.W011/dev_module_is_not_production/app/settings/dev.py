import os

# ok: launch.W011
DEBUG = bool(os.getenv("DJANGO_DEBUG", False))
