import time

from django.core.exceptions import PermissionDenied


class DisallowedHost(Exception):
    """The project's own exception, not Django's: raising it is no host check Django knows."""


class TimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        start = time.monotonic()
        if request.path.startswith("/admin/") and not request.user.is_staff:
            raise PermissionDenied
        response = self.get_response(request)
        response["X-Elapsed"] = str(time.monotonic() - start)
        return response


class OwnErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.headers.get("Host"):
            raise DisallowedHost("no host")
        return self.get_response(request)
