# the image's exec-form CMD runs gunicorn with gevent workers (Dockerfile): CONN_MAX_AGE = 0 is the right value
# ok: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
