# Django 3.2's own global_settings.py (and projects on Django < 4.2) spell out the default backends:
# ignored from Django 5.1, they change nothing, since Django falls back to the same backends.
# ok: launch.W061
DEFAULT_FILE_STORAGE = 'django.core.files.storage.FileSystemStorage'
# ok: launch.W061
STATICFILES_STORAGE = 'django.contrib.staticfiles.storage.StaticFilesStorage'
