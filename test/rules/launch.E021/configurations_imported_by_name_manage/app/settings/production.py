from configurations import Configuration

from .base import Base


class Production(Base, Configuration):
    DEBUG = False
