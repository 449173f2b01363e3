from .base import *  # noqa

SECURE_SSL_REDIRECT = True
