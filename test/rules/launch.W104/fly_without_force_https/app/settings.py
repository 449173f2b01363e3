"""Production settings on Fly.io, whose fly.toml serves plain HTTP too (no force_https)."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
