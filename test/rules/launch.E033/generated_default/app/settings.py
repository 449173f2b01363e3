import os

from django.core.management.utils import get_random_secret_key

# ruleid: launch.E033
SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", get_random_secret_key())
