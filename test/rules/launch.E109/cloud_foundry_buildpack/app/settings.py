# Cloud Foundry's python_buildpack sets FORWARDED_ALLOW_IPS for gunicorn: no redirect loop
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# note: launch.E109
SECURE_SSL_REDIRECT = True
