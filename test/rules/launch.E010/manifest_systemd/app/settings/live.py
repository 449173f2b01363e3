"""Settings for the site."""
import os

ALLOWED_HOSTS = ["example.com"]
SECRET_KEY = os.environ["SECRET_KEY"]
# ruleid: launch.E010
DEBUG = True
