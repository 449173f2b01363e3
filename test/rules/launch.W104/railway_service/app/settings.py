"""Production settings of a Railway service: Railway's edge redirects HTTP to HTTPS (railwayapp-templates/django)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
