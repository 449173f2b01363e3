# app.workers.TimedWorker subclasses gunicorn's SyncWorker: a WSGI worker, one request at a time per process,
# where a persistent connection is reused by every later request.
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
