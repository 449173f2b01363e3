from decouple import config

# The image copies .env-dist to /app/.env (Dockerfile), which decouple reads before this default (Firefox Relay).
# ruleid: launch.E010
DEBUG = config("DEBUG", False, cast=bool)
