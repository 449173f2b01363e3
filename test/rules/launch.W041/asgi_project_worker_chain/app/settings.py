# gunicorn.conf.py names app.server.workers.AppWorker, whose bases lead (through app.server.base) to
# uvicorn-worker's UvicornH11Worker: ASGI, so CONN_MAX_AGE stays 0.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
