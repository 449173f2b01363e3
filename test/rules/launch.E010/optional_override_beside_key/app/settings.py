import os

# These settings can serve on their own: an absent local override does not excuse DEBUG = True.
SECRET_KEY = os.environ["SECRET_KEY"]
# ruleid: launch.E010
DEBUG = True
ALLOWED_HOSTS = ["example.com"]

try:
    from app.localsettings import *  # noqa: F403
except ImportError:
    pass
