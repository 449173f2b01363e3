def load_settings():
    return {"MIDDLEWARE": ["django.middleware.csrf.CsrfViewMiddleware"], "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
