"""Production settings: routed only on the internal domain: a proxy app deployed elsewhere relays to it."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
