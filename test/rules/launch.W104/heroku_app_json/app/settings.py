"""A Heroku app.json (postdeploy, env): Heroku serves plain HTTP too, nothing redirects."""
# ruleid: launch.W104
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
