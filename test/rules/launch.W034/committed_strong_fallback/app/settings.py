import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
# ruleid: launch.W034
SECRET_KEY_FALLBACKS = ["q8v!2m#t0r@w6x^k1p&z9c*f4n(j7h)s3b-l5d+g_y=e8a%u2o"]
