import os

from .dev import *  # noqa

ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = os.environ.get("DEBUG", "1") == "1"
