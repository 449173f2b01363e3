# ok: launch.W061
STATICFILES_STORAGE = "django.contrib.staticfiles.storage.StaticFilesStorage"
