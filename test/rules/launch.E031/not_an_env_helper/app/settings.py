from app.envs import get_string

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# ok: launch.E031
SECRET_KEY = get_string("SECRET_KEY", "seed")
