"""Production settings on Azure App Service, whose Bicep leaves httpsOnly off: plain HTTP is served."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
