from django.middleware.security import SecurityMiddleware


class ShopSecurityMiddleware(SecurityMiddleware):
    """SecurityMiddleware, plus a header of the shop's own (normandy's NormandySecurityMiddleware)."""

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response["X-Shop"] = "1"
        return response
