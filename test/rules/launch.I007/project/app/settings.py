import os

# ok: launch.I007
# launch-gate: ignore[launch.E010] DEBUG pages are how this staging copy is debugged
DEBUG = True

# ruleid: launch.I007
# launch-gate: ignore[launch.E040] we moved to PostgreSQL last spring
ALLOWED_HOSTS = ["example.com"]

# ruleid: launch.I007
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]  # launch-gate: ignore[launch.E999] a typo: no such rule

# ruleid: launch.I007
# launch-gate: ignore launch.W041 connections are pooled by pgbouncer
CONN_MAX_AGE = 0

# ok: launch.I007
# launch-gate: ignore[launch.E201] the tests gate did not run: not judged
SECURE_SSL_REDIRECT = True

# ok: launch.I007
# launch-gate: ignore[security.W004] HSTS is sent by the load balancer; deploy-checks did not run: not judged
SECURE_HSTS_SECONDS = 0

# ruleid: launch.I007
# launch-gate: ignore[launch.I006] notes about suppressions cannot be suppressed
X_FRAME_OPTIONS = "DENY"

# ruleid: launch.I007
# launch-gate: ignore[launch.E020, launch.W022] E020 reports here, W022 does not
ALLOWED_HOSTS += ["*"]
