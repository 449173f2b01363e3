# A stateless API: no session app, no session middleware, no session cookie.
# ok: launch.W105
INSTALLED_APPS = ["django.contrib.contenttypes", "rest_framework"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]
