# uWSGI runs its gevent loop (uwsgi.ini: gevent = 100): greenlets serve the requests, so CONN_MAX_AGE = 0 is right.
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
