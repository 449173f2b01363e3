from .settings import *  # noqa: F401,F403

# ruleid: launch.I035
SECRET_KEY = "test-only-key"
