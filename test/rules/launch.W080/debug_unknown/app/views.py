import requests
from django.conf import settings
from django.http import HttpResponse


def index(request):
    if settings.DEBUG:
        # Only with DEBUG on, but DEBUG is the environment's to say: said, as a note.
        # note: launch.W080
        return HttpResponse(requests.get("http://frontend:3000/", timeout=10).text)
    # ruleid: launch.W080
    return HttpResponse(requests.get("https://cdn.example.com/index.html", timeout=10).text)
