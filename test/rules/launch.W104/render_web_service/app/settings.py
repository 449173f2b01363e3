"""Production settings of a Render web service: Render's edge redirects HTTP to HTTPS (render-examples/django)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
