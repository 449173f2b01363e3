# ruleid: launch.I005
from vendor_platform.settings import *  # noqa
# ok: launch.I005
from django.conf.global_settings import *  # noqa
# ok: launch.I005
from .base import *  # noqa
try:
    # ok: launch.I005
    from .local_settings import *  # noqa
except ImportError:
    pass
