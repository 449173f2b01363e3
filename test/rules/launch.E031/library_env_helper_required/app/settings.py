# django-getenv's env(): required=True with no default raises at startup when the variable is unset
from getenv import env

DEBUG = env("DEBUG", False)
ALLOWED_HOSTS = ["example.com"]
# ok: launch.E031
SECRET_KEY = env("SECRET_KEY", required=True)
