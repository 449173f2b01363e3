import urllib.request

import httpx
import requests
from django.conf import settings
from django.http import JsonResponse
from django.views import View

from .tasks import refresh_rates


def rates(request):
    # ruleid: launch.W124
    r = requests.get("https://api.rates.example/latest")
    # a timeout: fine
    # ok: launch.W124
    r2 = requests.get("https://api.rates.example/latest", timeout=(3.05, 10))
    # timeout=None turns it off
    # ruleid: launch.W124
    r3 = requests.post("https://api.rates.example/audit", json={}, timeout=None)
    # httpx times out after 5 s by default
    # ok: launch.W124
    r4 = httpx.get("https://api.rates.example/latest")
    # unless told not to
    # ruleid: launch.W124
    r5 = httpx.get("https://api.rates.example/latest", timeout=None)
    # ruleid: launch.W124
    page = urllib.request.urlopen("https://api.rates.example/page")
    # ok: launch.W124
    page2 = urllib.request.urlopen("https://api.rates.example/page", timeout=10)
    # options passed through **kwargs may hold a timeout: not judged
    opts = {"timeout": 5}
    # ok: launch.W124
    r6 = requests.get("https://api.rates.example/latest", **opts)
    refresh_rates.delay()
    return JsonResponse({"ok": all([r, r2, r3, r4, r5, page, page2, r6])})


class AddressCheck(View):
    def post(self, request):
        session = requests.Session()
        # ruleid: launch.W124
        resp = session.post("https://geo.example/validate", data=request.POST)
        with httpx.Client() as client:
            # ok: launch.W124
            other = client.get("https://geo.example/ping")
        return JsonResponse({"valid": resp.ok and other.is_success})


def weather(request):
    return JsonResponse(fetch_weather(request.GET["city"]))


def fetch_weather(city):
    # a helper of the view in the same module: reported once, at the call
    # ruleid: launch.W124
    return requests.get(f"https://weather.example/{city}").json()


def dev_assets(request):
    # Only with DEBUG on (DEBUG is False in production): never runs there.
    if getattr(settings, "DEBUG", False):
        # ok: launch.W124
        return JsonResponse(requests.get("http://127.0.0.1:4000/manifest.json").json())
    return JsonResponse({})
