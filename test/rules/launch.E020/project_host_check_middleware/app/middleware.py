from django.conf import settings
from django.core.exceptions import DisallowedHost


class HostCheck:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request.headers.get("Host", "")
        if host != settings.SITE_HOST and not request.path.startswith("/api/"):
            raise DisallowedHost(host)
        return self.get_response(request)
