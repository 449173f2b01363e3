import os

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# an empty placeholder: Django refuses to start with it, so the deployment must supply the key
# ok: launch.E030
SECRET_KEY = ""
if os.getenv("CI_RUN"):
    from app.settings_ci import *
