from django.http import JsonResponse
from django.views import View

from shop.clients.registry import CompanyRegistry, lookup_or_none


class SignupView(View):
    def get(self, request):
        return JsonResponse({"company": CompanyRegistry.fetch(request.GET["number"]), "known": self.known(request.GET["number"])})

    def known(self, number):
        return lookup_or_none(number) is not None
