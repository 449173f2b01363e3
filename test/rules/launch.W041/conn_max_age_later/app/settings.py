# ok: launch.W041
DATABASES = {"default": {"ENGINE": "django.db.backends.mysql", "NAME": "app"}}
DATABASES["default"]["CONN_MAX_AGE"] = None
