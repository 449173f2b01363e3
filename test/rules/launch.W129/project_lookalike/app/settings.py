# A middleware named like a CSRF check that is not one.
# ruleid: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "app.base.middleware.ShopCsrfMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
