import os

# bool("False") is True: the operator cannot turn DEBUG off by setting the variable.
# ruleid: launch.W011
DEBUG = bool(os.getenv("DJANGO_DEBUG", False))
