import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
MEDIA_ROOT = "/srv/media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
