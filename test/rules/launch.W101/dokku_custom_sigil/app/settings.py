"""A Dokku app with its own nginx.conf.sigil, which replaces the default template: nothing is assumed of it."""
# ruleid: launch.W101
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
