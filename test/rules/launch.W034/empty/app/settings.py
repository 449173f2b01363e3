import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ok: launch.W034
SECRET_KEY_FALLBACKS = []
