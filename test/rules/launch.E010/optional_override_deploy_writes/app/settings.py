import os

# The settings can serve on their own, but the repository's entrypoint writes app/overrides.py on deploy.
SECRET_KEY = os.environ.get("SECRET_KEY", "insecure-development-key")
# note: launch.E010
DEBUG = True
ALLOWED_HOSTS = ["example.com"]

try:
    from app.overrides import *  # noqa: F403
except ImportError:
    pass
