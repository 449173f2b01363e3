# No deploy command in the repository; the only app server it depends on is daphne (channels[daphne]): ASGI.
# ok: launch.W041
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}
