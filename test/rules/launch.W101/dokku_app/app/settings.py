"""A Dokku app (app.json scripts.dokku): Dokku's nginx sends HSTS once the app has a TLS certificate, set on the server."""
# note: launch.W101
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
