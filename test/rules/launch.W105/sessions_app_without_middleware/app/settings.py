# The sessions app is installed (the admin's models need it), but no session middleware runs: identity comes from a
# header the gateway sets (koku), so no session cookie is ever set. Django's check warns (security.W010): a note.
# note: launch.W105
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.sessions", "rest_framework"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "app.middleware.IdentityHeaderMiddleware"]
