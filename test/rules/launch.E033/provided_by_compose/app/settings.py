import os

from django.core.management.utils import get_random_secret_key

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# The compose file always sets SECRET_KEY: the generated fallback cannot happen in production.
# ok: launch.E033
SECRET_KEY = os.environ.get("SECRET_KEY") or get_random_secret_key()
