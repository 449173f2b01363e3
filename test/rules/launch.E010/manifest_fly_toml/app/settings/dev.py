ALLOWED_HOSTS = ["localhost"]
SECRET_KEY = "dev"
# ok: launch.E010
DEBUG = True
