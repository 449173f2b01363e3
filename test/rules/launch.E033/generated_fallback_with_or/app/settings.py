import os

from django.core.management import utils

# ruleid: launch.E033
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or utils.get_random_secret_key()
