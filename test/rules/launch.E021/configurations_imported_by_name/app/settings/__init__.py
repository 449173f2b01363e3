"""The settings package imports each django-configurations class by name from its own module (Mozilla's
donate-wagtail): ALLOWED_HOSTS is set on their base, which the scan does not follow there, and says so (a note)."""

# note: launch.E021
from .development import Development
from .production import Production

__all__ = ["Development", "Production"]
