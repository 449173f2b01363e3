from django.conf import settings
from django.contrib.auth.views import LoginView
from django.http import HttpResponseForbidden


class SiteLoginView(LoginView):
    def post(self, request, *args, **kwargs):
        if getattr(settings, "REQUIRE_SSO_LOGIN", False):
            return HttpResponseForbidden("SSO only")
        return super().post(request, *args, **kwargs)


class MemberLoginView(LoginView):
    template_name = "members/login.html"
