"""Production settings on Azure App Service, whose Bicep sets httpsOnly (Azure-Samples' Django quickstart)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
