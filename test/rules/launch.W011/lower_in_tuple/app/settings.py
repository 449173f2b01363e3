import os

# ok: launch.W011
DEBUG = os.getenv("DJANGO_DEBUG", "0").lower() in ("1", "true", "yes")
