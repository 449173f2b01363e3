from functools import wraps

from django.http import JsonResponse
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed


def require_token(view_fn):
    """The user is the token's: a request without one gets a 401."""

    @wraps(view_fn)
    def wrapped_view(request, *args, **kwargs):
        try:
            authenticate(request)
        except AuthenticationFailed as e:
            return JsonResponse({"error": str(e)}, status=401)
        return view_fn(request, *args, **kwargs)

    return wrapped_view


def authenticate(request):
    result = TokenAuthentication().authenticate(request)
    if result is None:
        raise AuthenticationFailed("No token header provided.")
    request.user = result[0]


def token_if_given(view_fn):
    """Sets the user from a token only when one is sent: without it, the session's user stays."""

    @wraps(view_fn)
    def wrapped_view(request, *args, **kwargs):
        if "HTTP_AUTHORIZATION" in request.META:
            request.user = TokenAuthentication().authenticate(request)[0]
        return view_fn(request, *args, **kwargs)

    return wrapped_view
