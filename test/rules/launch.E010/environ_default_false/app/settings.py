import environ

env = environ.Env()
# ok: launch.E010
DEBUG = env.bool("DJANGO_DEBUG", default=False)
