"""Production settings without XFrameOptionsMiddleware. nginx sends a Content-Security-Policy whose frame-ancestors lets only the site itself frame its pages."""
# ok: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
