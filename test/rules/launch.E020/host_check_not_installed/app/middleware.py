from django.core.exceptions import DisallowedHost


class HostCheck:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.get_host() != "example.com":
            raise DisallowedHost(request.get_host())
        return self.get_response(request)
