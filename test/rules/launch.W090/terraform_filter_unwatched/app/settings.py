"""Production settings: errors go to the console; a CloudWatch filter counts them, but no alarm watches it."""

# ruleid: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["app"]
