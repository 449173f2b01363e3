import os
import sys

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = os.environ.get("DEBUG", "true") == "true"

# A test run is never production: the block below does not run there.
TESTING = "test" in sys.argv
if TESTING:
    DEBUG = False
