from .base import *  # noqa: F403
from .base import DEBUG, ENVIRONMENT

# The deployed image refuses to start with DEBUG on.
if ENVIRONMENT == "prod":
    assert not DEBUG, "Cannot run in DEBUG mode on prod"
