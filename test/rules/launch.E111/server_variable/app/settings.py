import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
# uWSGI behind nginx: `uwsgi_param HTTPS on;` sets a variable, not a header. Its key is not judged.
# ok: launch.E111
SECURE_PROXY_SSL_HEADER = ("HTTPS", "on")
