"""Production settings without XFrameOptionsMiddleware. The Caddyfile sends X-Frame-Options from an environment variable no deploy file sets: protection only if the operator sets DENY or SAMEORIGIN."""
# note: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
