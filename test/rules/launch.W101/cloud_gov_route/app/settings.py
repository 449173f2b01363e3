"""Production settings of an app on cloud.gov (a route on app.cloud.gov): its router adds HSTS to responses that carry none (GSA's FAC)."""
# ok: launch.W101
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

