import os

from .settings_base import *  # noqa

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
