"""Production settings with X_FRAME_OPTIONS SAMEORIGIN (security.W019). nginx sends X-Frame-Options DENY, without `always` (not on error responses): still the pages' framing policy."""
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# ok: launch.W107
X_FRAME_OPTIONS = "SAMEORIGIN"
