from decouple import config

# ruleid: launch.E010
DEBUG = config("DEBUG", default=True, cast=bool)
