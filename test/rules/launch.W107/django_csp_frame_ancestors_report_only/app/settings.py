"""Production settings: django-csp lets every site frame the pages, but whether the policy is only reported cannot be
read (CSP_REPORT_ONLY from the environment): then nothing may stop framing, and the warning stands."""
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "csp.middleware.CSPMiddleware",
]
CSP_DEFAULT_SRC = ("'self'",)
CSP_FRAME_ANCESTORS = ("*",)
CSP_REPORT_ONLY = os.environ.get("CSP_REPORT_ONLY") == "1"
