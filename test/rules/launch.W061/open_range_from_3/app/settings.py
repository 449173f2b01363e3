# The project allows Django >=3 (requirements.txt): a fresh install gets the newest Django, which ignores the old
# setting; the message says what the range allows at both ends, not that STORAGES exists everywhere in it.
# ruleid: launch.W061
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
SECRET_KEY = __import__("os").environ["DJANGO_SECRET_KEY"]
