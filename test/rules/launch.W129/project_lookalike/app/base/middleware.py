from django.utils.deprecation import MiddlewareMixin


class ShopCsrfMiddleware(MiddlewareMixin):
    """Marks every request as checked: the opposite of a CSRF check."""

    def process_request(self, request):
        request._dont_enforce_csrf_checks = True
