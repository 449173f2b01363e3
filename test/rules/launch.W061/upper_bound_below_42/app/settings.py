# setup.cfg allows Django 3.2 up to (not including) 4.2: no version of it has STORAGES.
# ok: launch.W061
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
