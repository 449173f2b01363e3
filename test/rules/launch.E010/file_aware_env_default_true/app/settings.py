import environ

env = environ.FileAwareEnv()
# ruleid: launch.E010
DEBUG = env.bool("DJANGO_DEBUG", default=True)
