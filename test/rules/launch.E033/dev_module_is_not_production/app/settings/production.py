import os

# ok: launch.E033
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
