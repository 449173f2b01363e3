from django.middleware.csrf import CsrfViewMiddleware


class ShopCsrfMiddleware(CsrfViewMiddleware):
    """CsrfViewMiddleware with the shop's own failure page."""

    def _reject(self, request, reason):
        response = super()._reject(request, reason)
        response["X-Shop-Csrf"] = "rejected"
        return response
