"""Production settings of a project that pins no Django: MIDDLEWARE_CLASSES counts on 1.x only — not decided."""
# ok: launch.W100
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
MIDDLEWARE_CLASSES = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
]
