"""Production settings without XFrameOptionsMiddleware. nginx's CSP says frame-ancestors *: any site may frame the pages."""
# ruleid: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
