import os

# ruleid: launch.E010
DEBUG = os.environ.get("DEBUG", "True") == "True"
# checks the host list, not DEBUG
assert os.environ.get("ALLOWED_HOST", "x") != "", "ALLOWED_HOST must be set"
