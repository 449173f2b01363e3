# requirements/base.txt (included by requirements.txt) pins Django ~=5.2.3, which ignores the old settings.
STORAGES = {
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# STORAGES["staticfiles"] decides on Django 5.2: this line is dead configuration, not a lost backend.
# ok: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# Nothing in STORAGES["default"]: Django 5.2 ignores this and keeps user uploads on the local disk.
# ruleid: launch.W061
DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"
