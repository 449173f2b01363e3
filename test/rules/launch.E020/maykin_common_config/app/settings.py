# maykin-common's config(): python-decouple's, with split= and the default's type as the cast
from maykin_common.config import config

SECRET_KEY = config("SECRET_KEY")
DEBUG = config("DEBUG", default=False)
# ruleid: launch.E020
ALLOWED_HOSTS = config("ALLOWED_HOSTS", default="*", split=True)
