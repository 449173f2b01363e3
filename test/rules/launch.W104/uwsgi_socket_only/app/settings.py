"""Production settings: uWSGI serves its own protocol to a web server in front."""
# note: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
