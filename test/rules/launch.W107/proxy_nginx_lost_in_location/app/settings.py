"""Production settings without XFrameOptionsMiddleware. The http-level X-Frame-Options never reaches a response: the server adds headers of its own (nginx does not merge add_header levels)."""
# ruleid: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
