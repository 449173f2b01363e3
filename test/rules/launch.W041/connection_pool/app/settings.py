# Django 5.1 connection pools require CONN_MAX_AGE = 0.
# ok: launch.W041
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "OPTIONS": {"pool": True}}}
