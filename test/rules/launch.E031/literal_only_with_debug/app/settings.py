import os

# launch.E010 reports this: DEBUG is on unless the operator sets DJANGO_DEBUG=FALSE.
DEBUG = os.getenv("DJANGO_DEBUG") != "FALSE"
# The literal is used only with DEBUG on; with DEBUG off a missing key stops Django from starting.
# note: launch.E031
SECRET_KEY = "hello!" if DEBUG else os.getenv("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = ["example.com"]
