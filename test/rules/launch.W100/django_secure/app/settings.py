"""Production settings of a Django 1.8 project that kept django-secure's SecurityMiddleware, which Django 1.8 took in."""
# ok: launch.W100
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "djangosecure"]
MIDDLEWARE_CLASSES = [
    "djangosecure.middleware.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
SECURE_SSL_REDIRECT = True
