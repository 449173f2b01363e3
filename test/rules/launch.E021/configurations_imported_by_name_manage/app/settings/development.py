from configurations import Configuration

from .base import Base


class Development(Base, Configuration):
    DEBUG = True
