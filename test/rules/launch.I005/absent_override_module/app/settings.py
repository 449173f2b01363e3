ALLOWED_HOSTS = ["example.com"]
try:
    # ruleid: launch.I005
    from .local_settings import *  # noqa
except ImportError:
    pass
