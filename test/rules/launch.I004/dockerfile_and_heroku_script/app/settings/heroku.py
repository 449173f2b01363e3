from .live import *  # noqa
