"""Production settings without XFrameOptionsMiddleware. The bundled nginx (as label-studio's deploy/default.conf) sends X-Frame-Options on every response."""
# ok: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
