"""Production settings of an app on cloud.gov with a 300 s HSTS: the router adds its year only to responses without
the header, so Django's 300 s is the one browsers keep (manage.get.gov)."""
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
# ruleid: launch.W103
SECURE_HSTS_SECONDS = 300
