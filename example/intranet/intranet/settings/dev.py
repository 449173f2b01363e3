"""Local development: runserver on a laptop."""
import os

from .docker import *  # noqa: F401,F403

DEBUG = True
ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
SECRET_KEY = os.environ.get("INTRANET_SECRET_KEY", "")
