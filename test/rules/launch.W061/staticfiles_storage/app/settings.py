# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
