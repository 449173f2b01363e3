# A session middleware of the project's own sets the cookie: the warning stays.
# ruleid: launch.W105
INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.sessions"]
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "app.middleware.CachedSessionMiddleware"]
