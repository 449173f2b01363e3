"""Production settings with SECURE_CONTENT_TYPE_NOSNIFF off. The Apache vhost sets the header."""
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# ok: launch.W108
SECURE_CONTENT_TYPE_NOSNIFF = False
