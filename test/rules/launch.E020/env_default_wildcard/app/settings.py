import os

DEBUG = False
# ruleid: launch.E020
ALLOWED_HOSTS = os.getenv("DJANGO_ALLOWED_HOSTS", "*").split(",")
