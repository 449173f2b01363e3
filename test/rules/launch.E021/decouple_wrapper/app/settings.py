from .utils import config

SECRET_KEY = config("SECRET_KEY")
DEBUG = config("DEBUG", default=False)
# unset, "" split on commas is no host at all
# ruleid: launch.E021
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="", split=True)
