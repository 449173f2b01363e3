import os

import dj_database_url

# gunicorn sync workers (Procfile): WSGI. Without DATABASE_URL, the POSTGRES_* dict has no CONN_MAX_AGE. The
# message names DATABASE_URL (what chooses this configuration), not POSTGRES_DB/POSTGRES_USER/POSTGRES_HOST.
if bool(os.environ.get("DATABASE_URL")):
    DATABASES = {"default": dj_database_url.config()}
else:
    # ruleid: launch.W041
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.environ.get("POSTGRES_DB"),
            "USER": os.environ.get("POSTGRES_USER"),
            "HOST": os.environ.get("POSTGRES_HOST"),
        }
    }
