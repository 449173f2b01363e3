import environ

env = environ.Env()
# ok: launch.W011
DEBUG = env.bool("DJANGO_DEBUG", default=False)
