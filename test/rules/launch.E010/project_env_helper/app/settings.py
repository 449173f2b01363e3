from app import envs

SECRET_KEY = envs.get_string("SECRET_KEY", None)
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E010
DEBUG = envs.get_bool("DEBUG", True)
