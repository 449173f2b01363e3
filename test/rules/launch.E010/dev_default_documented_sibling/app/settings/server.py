"""Settings for the production deployment on our servers."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["shop.example.com"]
# ruleid: launch.E010
DEBUG = True
