import os

# ok: launch.W011
DEBUG = os.getenv("DJANGO_DEBUG", "False") == "True"
