"""Production settings: the compose service publishes no port and joins only an external network, where a proxy deployed elsewhere relays to it (pycon.tw)."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
