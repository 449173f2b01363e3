import os

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = ["conference.example.org"]
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "app"]
MEDIA_ROOT = "/srv/media"
