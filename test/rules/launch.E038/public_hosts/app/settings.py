import os

DEBUG = False
ALLOWED_HOSTS = os.environ["DJANGO_ALLOWED_HOSTS"].split(" ")
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
