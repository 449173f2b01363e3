# ok: launch.W090
import os

from .logconf import build_logging

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# Where errors go is decided by code the scan does not run: not reported, and the item is "not checked".
LOGGING = build_logging()
