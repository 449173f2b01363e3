import os

ENVIRONMENT = os.environ.get("ENV", "local")
# note: launch.E031
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "CHANGE_ME")
