import os

from app.plugins import enabled_plugins

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["inventory.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "returns"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
# each enabled plugin may bring middleware of its own: the list is not known after this
for plugin in enabled_plugins():
    MIDDLEWARE.extend(plugin.middleware)
ROOT_URLCONF = "app.urls"
