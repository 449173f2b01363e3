import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
