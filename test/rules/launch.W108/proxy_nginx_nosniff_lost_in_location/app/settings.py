"""Production settings with SECURE_CONTENT_TYPE_NOSNIFF off. The http-level nosniff never reaches a response: the location adds headers of its own."""
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
