"""A Dokku app (app.json scripts.dokku): Dokku's nginx redirects HTTP to HTTPS once the app has a TLS certificate, set on the server."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
