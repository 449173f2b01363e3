from urllib.request import urlopen

from django.http import HttpResponse


def legacy_view(request):
    # ruleid: launch.W080
    with urlopen("https://legacy.example.com/status") as resp:
        return HttpResponse(resp.read())
