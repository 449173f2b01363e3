DEBUG = False
# ok: launch.E021
ALLOWED_HOSTS = ["example.com"]
