# A logged-in user's update form, and no CSRF check (Election Leaflets).
# ruleid: launch.W129
MIDDLEWARE = (
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
)
