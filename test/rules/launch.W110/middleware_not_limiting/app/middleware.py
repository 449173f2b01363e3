import time


class RequestTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.monotonic()
        response = self.get_response(request)
        response["Server-Timing"] = f"app;dur={(time.monotonic() - started) * 1000:.0f}"
        return response
