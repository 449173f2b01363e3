# A base the deployment's own settings complete: no SECRET_KEY here, so production must have localsettings.
# note: launch.E010
DEBUG = True
ALLOWED_HOSTS = ["example.com"]

try:
    from app.localsettings import *  # noqa: F403
except ImportError:
    pass
