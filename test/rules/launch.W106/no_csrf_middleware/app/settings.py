# ok: launch.W106
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
