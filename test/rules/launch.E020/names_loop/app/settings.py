import os


def env_var(key, default=None):
    return os.environ.get(key, default)


# SEED's docker settings: each name bound from its variable through locals(), then required
ENV_VARS = ["POSTGRES_DB", "POSTGRES_USER"]
for name in ENV_VARS:
    locals()[name] = env_var(name)

for name in ENV_VARS:
    if not locals().get(name):
        raise Exception(f"{name} not defined as an environment variable")

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
# the helper's default is None when the call passes none: unset, the else branch runs
HOSTS = env_var("ALLOWED_HOSTS")
if HOSTS:
    ALLOWED_HOSTS = HOSTS.split(",")
else:
    # ruleid: launch.E020
    ALLOWED_HOSTS = ["*"]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": POSTGRES_DB, "USER": POSTGRES_USER}}
