import os

ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.contenttypes"]
SECRET_KEY = os.environ.get("SECRET_KEY")
