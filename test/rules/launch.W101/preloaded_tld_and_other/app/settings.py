"""Production settings. One host (example.com) is not under an HSTS-preloaded TLD."""
# ruleid: launch.W101
DEBUG = False
ALLOWED_HOSTS = [".railway.app", "shop.example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.auth", "django.contrib.contenttypes"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
