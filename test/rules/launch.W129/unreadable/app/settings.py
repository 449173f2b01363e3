# The list comes from a package outside the repository: not checked, and said so.
from shop_platform.defaults import MIDDLEWARE  # noqa: F401

# ok: launch.W129
DEBUG = False
