"""Production settings on Fly.io, whose fly.toml has Fly's proxy redirect HTTP to HTTPS (fly-apps/hello-django)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
