DEBUG = False
# app.middleware.TimingMiddleware is the project's, but it checks no host.
# ruleid: launch.E020
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "app.middleware.TimingMiddleware",
    "app.middleware.OwnErrorMiddleware",
    "django.middleware.common.CommonMiddleware",
]
