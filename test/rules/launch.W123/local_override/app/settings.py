DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]

# per-server settings (hosts, keys, database), git-ignored: not in the repository
from .local_settings import *  # noqa
