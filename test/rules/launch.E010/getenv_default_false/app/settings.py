import os

# ok: launch.E010
DEBUG = os.getenv("DJANGO_DEBUG", "False") == "True"
