from app.envs import get_bool, get_string

DEBUG = get_bool("DEBUG", False)
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E031
SECRET_KEY = get_string("SECRET_KEY", "fallback-key-committed-to-the-repository")
