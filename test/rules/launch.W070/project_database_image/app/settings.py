import os

# No STORAGES and no DEFAULT_FILE_STORAGE: Django's FileSystemStorage under MEDIA_ROOT.
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
MEDIA_ROOT = "/app/media"
