"""Production settings with SECURE_CONTENT_TYPE_NOSNIFF off. Only the dev container config and a local variant send nosniff."""
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
