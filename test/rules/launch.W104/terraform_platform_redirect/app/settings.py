"""Production settings: on Azure Container Apps, whose ingress redirects plain HTTP (terraform/app.tf)."""
# ok: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
