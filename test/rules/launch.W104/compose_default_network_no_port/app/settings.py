"""Production settings: the app service publishes no port but joins a network of its own compose file, where its own proxy service publishes 80 with a config the repository does not ship."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
