import logging

try:
    from .secret_key import SECRET_KEY
except ImportError:
    # Generated, logged, never kept: every process makes its own.
    from django.utils.crypto import get_random_string

    secret = get_random_string(50)
    logging.getLogger(__name__).warning("no secret_key.py, using a generated key")
    # ruleid: launch.E033
    SECRET_KEY = secret
