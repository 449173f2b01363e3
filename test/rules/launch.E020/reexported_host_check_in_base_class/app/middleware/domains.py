from django.core import exceptions

KNOWN_DOMAINS = {"example.com"}


class DomainMiddlewareBase:
    def _handle_domain(self, request):
        if request.get_host() in KNOWN_DOMAINS:
            return None
        raise exceptions.DisallowedHost(f"Unknown host: {request.get_host()}")
