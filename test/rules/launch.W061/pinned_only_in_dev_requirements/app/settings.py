# Only requirements-dev.txt names Django: what production installs is unknown, so the advice stands.
# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
