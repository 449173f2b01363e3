"""Production settings: Django 6.0's own Content-Security-Policy lets any site frame the pages, on purpose (a widget
embedded on other sites, as Aides-territoires'): X-Frame-Options would change nothing — a note, not a warning."""
import os

from django.utils.csp import CSP

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# note: launch.W107
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "frame-ancestors": ["*"],
}
