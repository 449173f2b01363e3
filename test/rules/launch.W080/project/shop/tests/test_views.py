import requests
from django.views import View


class FakeView(View):
    def get(self, request):
        # ok: launch.W080
        return requests.get("https://example.com")
