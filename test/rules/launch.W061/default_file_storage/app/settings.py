# ruleid: launch.W061
DEFAULT_FILE_STORAGE = "storages.backends.s3.S3Storage"
