import environ

env = environ.Env()
# ruleid: launch.E020
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["*"])
