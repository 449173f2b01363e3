from .event import EventMiddleware

__all__ = ["EventMiddleware"]
