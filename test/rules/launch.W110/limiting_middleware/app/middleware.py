from django.http import HttpResponse
from django_ratelimit import UNSAFE
from django_ratelimit.core import is_ratelimited


class RateLimitingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_ratelimited(request, group="global", key="ip", rate="100/m", method=UNSAFE, increment=True):
            return HttpResponse(status=429)
        return self.get_response(request)
