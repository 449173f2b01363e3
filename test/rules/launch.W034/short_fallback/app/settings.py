import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ruleid: launch.W034
SECRET_KEY_FALLBACKS = ["old-key"]
