import os

DEBUG = False
# [""] is not empty: launch.W022 reports it.
# ok: launch.E021
ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "").split(",")
