from app.settings.dev import *  # noqa

ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = True
