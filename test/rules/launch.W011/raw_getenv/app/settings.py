import os

# ruleid: launch.W011
DEBUG = os.getenv("DJANGO_DEBUG")
