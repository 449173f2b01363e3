import os

# ok: launch.I035
SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")
