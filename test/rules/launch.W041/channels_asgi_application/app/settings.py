# Channels: ASGI_APPLICATION, and no app server named anywhere. An ASGI process runs these settings.
INSTALLED_APPS = ["daphne", "django.contrib.contenttypes", "channels"]
ASGI_APPLICATION = "app.asgi.application"
# ok: launch.W041
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}
