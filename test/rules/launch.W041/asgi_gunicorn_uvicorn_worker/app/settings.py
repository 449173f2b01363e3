import os

import dj_database_url

# gunicorn runs uvicorn workers (bin/docker-entrypoint-api.sh): ASGI, so CONN_MAX_AGE stays 0.
if bool(os.environ.get("DATABASE_URL")):
    DATABASES = {"default": dj_database_url.config()}
else:
    # ok: launch.W041
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("POSTGRES_DB"),
            "PORT": os.environ.get("POSTGRES_PORT", "5432"),
        }
    }
