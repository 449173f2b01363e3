import os

from django.core.exceptions import ImproperlyConfigured

ENVIRONMENT = os.getenv("ENVIRONMENT", "local")
DEBUG = False
ALLOWED_HOSTS = ["example.com"]

# the literal is assigned only in local and test environments; anywhere else the settings refuse to start
SECRET_KEY = os.getenv("SECRET_KEY")
if not SECRET_KEY:
    if ENVIRONMENT in ("local", "test"):
        # note: launch.E031
        SECRET_KEY = "django-insecure-wq21wtjo3@d_qfjvd-#td!%7gfy2updj2z+nev^k$iy%=m4_tr"
    else:
        raise ImproperlyConfigured("SECRET_KEY is required outside local and test")
