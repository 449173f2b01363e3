# ruleid: launch.W100
MIDDLEWARE = ["app.base.middleware.ShopSecurityMiddleware", "django.middleware.common.CommonMiddleware"]
