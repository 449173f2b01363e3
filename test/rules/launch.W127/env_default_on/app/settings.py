import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["app.example.com"]
# on unless the operator remembers to turn it off
# ruleid: launch.W127
DEBUG_PROPAGATE_EXCEPTIONS = os.environ.get("PROPAGATE_EXCEPTIONS", "1") == "1"
