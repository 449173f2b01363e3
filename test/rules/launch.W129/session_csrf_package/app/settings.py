# django-session-csrf checks every POST as Django's middleware does, with the token in the session (Socorro, ReMo).
# ok: launch.W129
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "session_csrf.CsrfMiddleware",
]
