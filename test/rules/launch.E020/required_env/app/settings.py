import os

# ok: launch.E020
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
