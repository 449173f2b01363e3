"""Production settings with X_FRAME_OPTIONS SAMEORIGIN (security.W019). The Apache vhost sends X-Frame-Options SAMEORIGIN itself: the site frames its own pages, by its proxy's policy."""
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
