DEBUG = False
# ok: launch.E020
ALLOWED_HOSTS = ["example.com"]
if DEBUG:
    # ok: launch.E020
    ALLOWED_HOSTS = ["*"]
