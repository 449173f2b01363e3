from decouple import config

# ruleid: launch.E031
SECRET_KEY = config("SECRET_KEY", default="q8v!2m#t0r@w6x^k1p&z9c*f4n(j7h)s3b-l5d+g_y=e8a%u2o")
