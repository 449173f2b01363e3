"""Production settings: the compose file publishes the app on the host's loopback only (nickjj/docker-django-example), behind a web server configured elsewhere."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
