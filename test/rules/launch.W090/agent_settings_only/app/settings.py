"""An agent's settings with no agent: nothing installs or loads the Opbeat client (no app, middleware or import)."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
OPBEAT = {
    "ORGANIZATION_ID": os.getenv("OPBEAT_ORGANIZATION_ID", ""),
    "APP_ID": os.getenv("OPBEAT_APP_ID", ""),
}
