import os

# ok: launch.E032
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
