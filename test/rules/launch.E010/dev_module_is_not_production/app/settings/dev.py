from .base import *  # noqa: F401,F403

# ok: launch.E010
DEBUG = True
