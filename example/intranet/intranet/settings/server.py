"""Settings for the old VM deployment (deploy/server.sh)."""
from .docker import *  # noqa: F401,F403

SESSION_COOKIE_SECURE = True
