import os

try:
    from .secret_key import SECRET_KEY
except ImportError:
    # First run: generate a key and keep it in app/secret_key.py, which every later import reads.
    from django.utils.crypto import get_random_string

    secret = get_random_string(50)
    with open(os.path.join(os.path.dirname(__file__), "secret_key.py"), "w") as f:
        f.write("SECRET_KEY='{}'".format(secret))
    # note: launch.E033
    SECRET_KEY = secret
