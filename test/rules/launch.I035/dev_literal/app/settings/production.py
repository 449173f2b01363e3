import os

# ok: launch.I035
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
