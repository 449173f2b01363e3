DEBUG = False
# hostguard is a package, not code in the project: the scan cannot see what it checks.
# ruleid: launch.E020
ALLOWED_HOSTS = ["*"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "hostguard.middleware.HostGuardMiddleware",
    "django.middleware.common.CommonMiddleware",
]
