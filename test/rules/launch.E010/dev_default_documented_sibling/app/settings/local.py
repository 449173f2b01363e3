ALLOWED_HOSTS = ["*"]
# ok: launch.E010
DEBUG = True
