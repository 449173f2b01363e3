import os

# ok: launch.E031
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
