# gunicorn runs app.gunicorn.Worker (Dockerfile), a subclass of uvicorn's worker: ASGI, so CONN_MAX_AGE stays 0.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
