from .production import *  # noqa: F401,F403

DEBUG = True
INSTALLED_APPS = INSTALLED_APPS + ["axes"]
