"""Production settings: on Azure Container Apps, whose ingress lets plain HTTP through (terraform/app.tf)."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
