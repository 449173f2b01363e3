"""django-configurations: the settings are the attributes of the class DJANGO_CONFIGURATION names."""

from configurations import Configuration, values


class Base(Configuration):
    SECRET_KEY = values.SecretValue()
    ALLOWED_HOSTS = values.ListValue(["example.com"])
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
    ]
