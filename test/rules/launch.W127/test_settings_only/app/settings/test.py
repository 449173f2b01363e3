from .production import *  # noqa

# a test setup that wants exceptions raised in the test client: not production
# ok: launch.W127
DEBUG_PROPAGATE_EXCEPTIONS = True
