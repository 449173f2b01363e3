# A Procfile and no image: a Python buildpack runs it (Heroku's exports FORWARDED_ALLOW_IPS='*'; dora on Scalingo)
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
