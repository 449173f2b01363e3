"""Production settings: the only compose service on loopback builds the development stage with the project bind-mounted (parking-permits): that is the developer's browser's port, not a web server's."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
