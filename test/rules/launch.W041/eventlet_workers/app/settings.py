# gunicorn runs eventlet workers (deploy/app.service): each greenlet would keep its own persistent
# connection that no later request reuses, so CONN_MAX_AGE = 0 is the right value here (lava-server does this).
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
