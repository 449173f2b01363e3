import os
import sys

SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = os.environ.get("DEBUG", "true").strip() == "true"

# The test run, with its argv length checked first: `… and sys.argv[1] == "test"` is false whatever the length.
TESTING = os.environ.get("TESTING", "false").strip() == "true" or len(sys.argv) > 1 and sys.argv[1] == "test"
if TESTING:
    DEBUG = False
