import os

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
# Either way the list lacks the CSRF check: reported whatever the variable says.
if os.environ.get("SHOP_METRICS"):
    MIDDLEWARE += ["app.metrics.Middleware"]
# ruleid: launch.W129
MIDDLEWARE += ["django.middleware.common.CommonMiddleware"]
