# dbca-utils' env(key, default, required): the default when the variable is unset (its value, literal_eval'd, when set)
from dbca_utils.utils import env

DEBUG = env("DEBUG", False)
ALLOWED_HOSTS = ["example.com"]
# ruleid: launch.E031
SECRET_KEY = env("SECRET_KEY", "q8v!2m#t0r@w6x^k1p&z9c*f4n(j7h)s3b-l5d+g_y=e8a%u2o")
