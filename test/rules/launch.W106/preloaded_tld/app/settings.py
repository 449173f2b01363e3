"""Production settings. Every host is under a TLD browsers load over HTTPS only (.app, .dev)."""
# note: launch.W106
DEBUG = False
ALLOWED_HOSTS = [".railway.app", "shop.dev"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
