# uWSGI serves app/wsgi_green.py, which patches everything for gevent (and psycopg with psycogreen): greenlets
# serve the requests, so CONN_MAX_AGE = 0 is right (the Center for Open Science's SHARE).
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
