DEBUG = False
MIDDLEWARE = ["django.contrib.sessions.middleware.SessionMiddleware", "django.middleware.csrf.CsrfViewMiddleware"]

USE_CSRF = True

from .local_settings import *  # noqa

# USE_CSRF may have been changed by the override: either path may run
if USE_CSRF:
    CSRF_COOKIE_SECURE = True
else:
    MIDDLEWARE.remove("django.middleware.csrf.CsrfViewMiddleware")
