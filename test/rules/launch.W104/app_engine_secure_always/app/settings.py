"""Production settings on App Engine, whose app.yaml redirects every app request to HTTPS (ubyssey.ca)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
