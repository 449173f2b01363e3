import os

# int("0") is 0: the operator can turn it off.
# ok: launch.W011
DEBUG = int(os.getenv("DJANGO_DEBUG", "0"))
