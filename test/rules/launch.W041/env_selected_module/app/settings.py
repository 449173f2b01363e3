"""OnlineJudge's shape: an environment variable picks the database module; the image sets it to production."""
import os

from utils.shortcuts import get_env

production_env = get_env("APP_ENV", "dev") == "production"
if production_env:
    from .production_settings import *
else:
    from .dev_settings import *

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
