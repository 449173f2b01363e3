import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["app.example.com"]
# ruleid: launch.W127
DEBUG_PROPAGATE_EXCEPTIONS = True
