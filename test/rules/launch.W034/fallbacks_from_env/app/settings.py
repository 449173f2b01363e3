import environ

env = environ.Env()
SECRET_KEY = env("DJANGO_SECRET_KEY")
# ok: launch.W034
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
