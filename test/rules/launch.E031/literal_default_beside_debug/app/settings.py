import os

DEBUG = os.getenv("DJANGO_DEBUG") != "FALSE"
# The default is used whenever the variable is unset, DEBUG or not.
# ruleid: launch.E031
SECRET_KEY = os.getenv("DJANGO_SECRET_KEY", "hello!")
ALLOWED_HOSTS = ["example.com"]
