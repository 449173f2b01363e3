import requests
from django.http import JsonResponse

from app import settings  # the project's settings module, imported as such


def feed(request):
    # The same question every time: upper-case names of the settings module are constants.
    # ruleid: launch.W080
    items = requests.get(settings.FEED_URL, timeout=settings.FEED_TIMEOUT).json()
    return JsonResponse({"items": items})
