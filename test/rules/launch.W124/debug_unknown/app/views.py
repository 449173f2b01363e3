import requests
from django.conf import settings
from django.http import HttpResponse


def index(request):
    if settings.DEBUG and request.GET.get("dev"):
        # Only with DEBUG on, but DEBUG is the environment's to say: said, as a note.
        # note: launch.W124
        return HttpResponse(requests.get("http://frontend:3000/").text)
    # ruleid: launch.W124
    return HttpResponse(requests.get("https://cdn.example.com/index.html").text)
