MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]
# Without SecurityMiddleware nothing redirects (launch.W100 reports that).
# ok: launch.E109
SECURE_SSL_REDIRECT = True
