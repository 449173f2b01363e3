from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from oauth2_provider.views.base import AuthorizationView as DotAuthorizationView
from oauth2_provider.views.base import TokenView as DotTokenView


# the OAuth token endpoint: django-oauth-toolkit exempts it itself, clients post their credentials, not a session
# ok: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class TokenView(DotTokenView):
    def post(self, request, *args, **kwargs):
        request.session["last_token_grant"] = request.POST.get("grant_type")
        return super().post(request, *args, **kwargs)


# the approval form the logged-in user submits: exempting it lets any site approve an application for them
# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class ApproveView(DotAuthorizationView):
    def post(self, request, *args, **kwargs):
        request.session["approved"] = request.POST.get("client_id")
        return super().post(request, *args, **kwargs)
