"""Production settings (ONS's dis-wagtail): the CSP middleware and its frame-ancestors are chosen by variables."""
import os

from django.utils.csp import CSP

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
IS_EXTERNAL_ENV = os.environ.get("IS_EXTERNAL_ENV", "false").lower() == "true"
CSP_ENABLED = os.environ.get("CMS_CSP_ENABLED", "true").lower().strip() == "true"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
if CSP_ENABLED:
    # note: launch.W107
    MIDDLEWARE.append("django.middleware.csp.ContentSecurityPolicyMiddleware")
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE if IS_EXTERNAL_ENV else CSP.SELF],
}
