# A read-only API beside the admin: its one POST endpoint is exempt on purpose and the admin checks CSRF itself (MapIt).
# note: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
