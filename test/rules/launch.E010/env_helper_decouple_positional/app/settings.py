import os
import sys

import decouple
from decouple import Config, RepositoryEnv

TESTING = len(sys.argv) > 1 and sys.argv[1] == "test"
if TESTING:
    config = Config(RepositoryEnv(".env.test"))
else:
    config = decouple.config


def get_env_variable(name, cast=str, default=""):
    # the environment first; unset, python-decouple's answer with this default (APILOS' helper)
    try:
        if cast is bool:
            return os.environ[name].lower() in ["true", "1", "yes"]
        return cast(os.environ[name])
    except Exception:
        return config(name, cast=cast, default=default)


SECRET_KEY = get_env_variable("SECRET_KEY")
ALLOWED_HOSTS = ["example.com"]
# A cast passed by position (the helper's second parameter): the value is not read, and nothing is claimed.
# ok: launch.E010
DEBUG = get_env_variable("DEBUG", bool, True)
