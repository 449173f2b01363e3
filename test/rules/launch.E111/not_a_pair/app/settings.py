import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E111
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https", "on")
