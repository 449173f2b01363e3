DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]

# per-server settings (hosts, keys, database), git-ignored: not in the repository
from .local_settings import *  # noqa

# DEBUG may have been changed by the override: either path may run, and this one only adds to MIDDLEWARE
if DEBUG:
    MIDDLEWARE += ["debug_toolbar.middleware.DebugToolbarMiddleware"]
