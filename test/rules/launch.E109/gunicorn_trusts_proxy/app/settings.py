# gunicorn trusts the proxy's X-Forwarded-Proto (--forwarded-allow-ips in the Procfile): no redirect loop
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
