# A project subclass of CsrfViewMiddleware checks what CsrfViewMiddleware checks.
# ok: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "app.base.middleware.ShopCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
