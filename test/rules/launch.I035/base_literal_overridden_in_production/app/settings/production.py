import os

from .base import *  # noqa: F401,F403

# ok: launch.I035
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
