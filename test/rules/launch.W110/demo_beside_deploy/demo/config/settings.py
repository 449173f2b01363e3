SECRET_KEY = "demo-only"
DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "rest_framework"]
ROOT_URLCONF = "demo.config.urls"
