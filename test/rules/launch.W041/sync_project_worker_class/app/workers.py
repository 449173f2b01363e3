import time

from gunicorn.workers.sync import SyncWorker


class TimedWorker(SyncWorker):
    def handle_request(self, listener, req, client, addr):
        start = time.monotonic()
        try:
            return super().handle_request(listener, req, client, addr)
        finally:
            self.log.debug("request took %.3fs", time.monotonic() - start)
