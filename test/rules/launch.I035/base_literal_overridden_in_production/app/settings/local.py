from .base import *  # noqa: F401,F403

# ok: launch.I035
DEBUG = True
