import os

# None when unset: Django refuses to start ("The SECRET_KEY setting must not be empty").
# ok: launch.E031
SECRET_KEY = os.getenv("DJANGO_SECRET_KEY")
