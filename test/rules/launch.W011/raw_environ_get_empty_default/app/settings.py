import os

# ruleid: launch.W011
DEBUG = os.environ.get("DJANGO_DEBUG", "")
