DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware"]

from .local_settings import *  # noqa
