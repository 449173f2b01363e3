"""A Dokku app known by the app.json keys only Dokku reads (cron, healthchecks: OpenSAFELY OpenCodelists)."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
