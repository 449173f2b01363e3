import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
