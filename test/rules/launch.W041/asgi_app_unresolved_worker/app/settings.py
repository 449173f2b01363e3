# gunicorn serves app.asgi:application, an ASGI callable that no WSGI worker can call: whatever
# vendorlib.workers.PooledWorker is, it must be an ASGI worker, so CONN_MAX_AGE stays 0.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
