import requests
from django.conf import settings
from django.http import HttpResponse


def index(request):
    if not request.GET.get("quiet") and settings.FORWARD_CALLS:
        # FORWARD_CALLS is False in the production settings: this never runs there
        # ok: launch.W124
        requests.post("https://forward.example.com/", data=request.POST)
    if getattr(settings, "MIRROR_CALLS", False):
        # unset, with a False default: never runs either
        # ok: launch.W124
        requests.post("https://mirror.example.com/", data=request.POST)
    if settings.NOTIFY_PARTNER:
        # the environment may turn it on: still reported
        # ruleid: launch.W124
        requests.post("https://partner.example.com/", data=request.POST)
    return HttpResponse("ok")
