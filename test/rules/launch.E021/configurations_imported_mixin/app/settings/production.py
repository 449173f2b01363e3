"""Production lists Base, from another module, beside Configuration (Mozilla's donate-wagtail): ALLOWED_HOSTS is
set on Base, which the scan does not read, and says so (a note, not an error)."""

# note: launch.E021
from configurations import Configuration

from .base import Base


class Production(Base, Configuration):
    DEBUG = False
