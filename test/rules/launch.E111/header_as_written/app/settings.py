import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
SECURE_SSL_REDIRECT = True
# ruleid: launch.E111
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")
