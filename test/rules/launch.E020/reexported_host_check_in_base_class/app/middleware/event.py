from .domains import DomainMiddlewareBase


class EventMiddleware(DomainMiddlewareBase):
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._handle_domain(request)
        return response or self.get_response(request)
