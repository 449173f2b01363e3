import os

from django.core.management.utils import get_random_secret_key

ALLOWED_HOSTS = ["example.com"]
# launch.E010 reports this: DEBUG is on unless the operator sets DEBUG=false.
DEBUG = os.environ.get("DEBUG", "true") == "true"
SECRET_KEY = os.environ.get("SECRET_KEY")
if not SECRET_KEY and DEBUG:
    # Only with DEBUG on: the key is DEBUG's consequence.
    # note: launch.E033
    SECRET_KEY = get_random_secret_key()
