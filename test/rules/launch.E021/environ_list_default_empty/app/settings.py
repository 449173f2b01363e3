import environ

env = environ.Env()
DEBUG = False
# ruleid: launch.E021
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
