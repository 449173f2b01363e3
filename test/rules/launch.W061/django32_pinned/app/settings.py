# The project pins Django 3.2 (requirements.txt): STORAGES does not exist there, so the old settings are the
# only way to choose a backend. No advice it cannot follow.
# ok: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# ok: launch.W061
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
