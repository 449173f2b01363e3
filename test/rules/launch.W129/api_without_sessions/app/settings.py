# An API whose clients send a token header: no session or authentication middleware, no cookie to forge a request with.
# note: launch.W129
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
