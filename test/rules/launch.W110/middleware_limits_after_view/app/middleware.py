from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse


class ThrottleIpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if settings.THROTTLE_ENABLED is False:
            return response
        ip = request.META["REMOTE_ADDR"]
        key = f"observed_ip_{ip}"
        cache.add(key, 0, 60)
        if cache.incr(key) > 300:
            return HttpResponse(status=429)
        return response
