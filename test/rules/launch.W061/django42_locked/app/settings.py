# poetry.lock installs Django 4.2.16: STORAGES exists, the old setting is deprecated and ignored from 5.1.
# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
