# ok: launch.W090
import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ADMINS = [("Ops", "ops@shop-ops.net")]
