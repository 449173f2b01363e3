import os

# uvicorn is a dependency and runs in the dev compose file, but production's Procfile starts gunicorn (WSGI):
# the command decides. CONN_MAX_AGE is missing whatever the environment says.
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB"),
        "USER": os.environ.get("POSTGRES_USER"),
    }
}
