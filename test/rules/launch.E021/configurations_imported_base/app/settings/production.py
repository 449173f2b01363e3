"""Production inherits Base from another module (OWASP Nest): ALLOWED_HOSTS is set there: the scan does not read it, and says so (a note, not an error)."""

# note: launch.E021
from configurations import values

from app.settings.base import Base


class Production(Base):
    DEBUG = values.BooleanValue(False)
