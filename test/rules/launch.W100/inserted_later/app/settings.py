MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
# ok: launch.W100
MIDDLEWARE.insert(0, "django.middleware.security.SecurityMiddleware")
