import logging

from .base import BaseWorker

log = logging.getLogger(__name__)


class LoggingMixin:
    def notify(self):
        log.debug("alive")
        super().notify()


class AppWorker(LoggingMixin, BaseWorker):
    pass
