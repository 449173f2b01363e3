"""Production settings without XFrameOptionsMiddleware. nginx sends X-Frame-Options ALLOW-FROM, which today's browsers ignore, and ALLOWALL on another server: no protection."""
# ruleid: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
