from .settings_base import *  # noqa

# ok: launch.E030
SECRET_KEY = "dev-only-key-0123456789abcdefghijklmnopqrstuvwxyz"
# note: launch.E010
DEBUG = True
