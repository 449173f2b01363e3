# Review Board runs no CSRF middleware and decorates its form views with csrf_protect.
# note: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
