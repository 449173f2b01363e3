import os

from .dev import *

DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "db"}}
