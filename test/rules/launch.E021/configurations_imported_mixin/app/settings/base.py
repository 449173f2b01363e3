from configurations import Configuration


class Base(Configuration):
    ALLOWED_HOSTS = ["example.com"]
    MIDDLEWARE = [
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
    ]
