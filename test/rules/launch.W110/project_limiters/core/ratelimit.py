"""The project's own limiter: a cache counter per client address and scope."""
from django.core.cache import cache


def get_ip_address(request):
    return request.META.get("REMOTE_ADDR", "")


def check_rate_limit(scope, request):
    key = f"ratelimit-{scope}-{get_ip_address(request)}"
    attempts = cache.get(key, 0)
    if attempts >= 5:
        return False
    cache.set(key, attempts + 1, 300)
    return True


def login_guard(view):
    """A throttle decorator whose name does not say so: counts POSTs per address in the cache."""

    def wrapper(request, *args, **kwargs):
        if request.method == "POST":
            key = "login:" + request.META["REMOTE_ADDR"]
            cache.add(key, 0, 600)
            if cache.incr(key) > 10:
                from django.http import HttpResponse

                return HttpResponse(status=429)
        return view(request, *args, **kwargs)

    return wrapper


class TokenBucket:
    def __init__(self, key, rate):
        self.key = key
        self.rate = rate

    def consume(self):
        return True
