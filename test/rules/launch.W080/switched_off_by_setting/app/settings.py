import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "app"]
ROOT_URLCONF = "app.urls"
# a feature this deployment leaves off (django-crm's VOIP_FORWARD_DATA)
FORWARD_CALLS = False
# and one the environment decides
NOTIFY_PARTNER = os.environ.get("NOTIFY_PARTNER", "") == "1"
