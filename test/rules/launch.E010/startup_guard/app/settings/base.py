import os

ENVIRONMENT = os.environ.get("ENV", "local")
# note: launch.E010
DEBUG = os.environ.get("DEBUG", "True") == "True"
