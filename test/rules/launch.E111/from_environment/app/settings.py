import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
# ok: launch.E111
SECURE_PROXY_SSL_HEADER = (os.environ["PROXY_SSL_HEADER"], "https")
