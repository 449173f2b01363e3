"""Production settings: behind a CDN configured in another repository — a trusted scheme header alone is no sign that anything redirects."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
