import os

# ok: launch.E030
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
