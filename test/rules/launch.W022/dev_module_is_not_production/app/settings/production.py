import os

# ok: launch.W022
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(",")
