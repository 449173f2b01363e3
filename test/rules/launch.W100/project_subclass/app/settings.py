# A project subclass of SecurityMiddleware sends what SecurityMiddleware sends.
# ok: launch.W100
MIDDLEWARE = ["app.base.middleware.ShopSecurityMiddleware", "django.middleware.common.CommonMiddleware"]
