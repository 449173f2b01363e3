"""Production settings with SECURE_CONTENT_TYPE_NOSNIFF off. The Caddyfile sends X-Content-Type-Options from an environment variable no deploy file sets."""
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# note: launch.W108
SECURE_CONTENT_TYPE_NOSNIFF = False
