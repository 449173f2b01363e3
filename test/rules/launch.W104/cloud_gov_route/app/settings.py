"""Production settings of an app on cloud.gov (a route on app.cloud.gov): its router redirects every plain-HTTP request to HTTPS."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

