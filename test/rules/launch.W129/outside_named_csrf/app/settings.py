# A CSRF middleware of a package outside the repository (money-to-prisoners' mtp_common): it cannot be read, so not decided.
# ok: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mtp_common.auth.csrf.CsrfViewMiddleware",
]
