"""Production settings with SECURE_CONTENT_TYPE_NOSNIFF off. nginx's X-Content-Type-Options is a variable, and the literal one is commented out: nothing known is sent."""
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# ruleid: launch.W108
SECURE_CONTENT_TYPE_NOSNIFF = False
