import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "mozilla_django_oidc",
    "app",
]
ROOT_URLCONF = "app.urls"
# every user signs in at the identity provider (mailarchive): no backend here checks a password
AUTHENTICATION_BACKENDS = ["app.auth.SiteOIDCBackend"]
