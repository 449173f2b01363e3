import os

# uvicorn serves the app (Dockerfile CMD): under ASGI Django's docs say to keep CONN_MAX_AGE at 0, since
# persistent connections are per thread and ASGI runs each request in its own thread.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("POSTGRES_DB"),
        "USER": os.environ.get("POSTGRES_USER"),
        "HOST": os.environ.get("POSTGRES_HOST"),
    }
}
