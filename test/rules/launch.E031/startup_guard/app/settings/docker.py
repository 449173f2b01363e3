from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ENVIRONMENT, SECRET_KEY

if ENVIRONMENT != "local":
    if SECRET_KEY == "CHANGE_ME":
        raise ImproperlyConfigured("SECRET_KEY must be set")
