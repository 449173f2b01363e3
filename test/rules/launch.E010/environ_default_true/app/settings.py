import environ

env = environ.Env()
# ruleid: launch.E010
DEBUG = env.bool("DJANGO_DEBUG", default=True)
