from django.contrib.staticfiles import finders
from django.http import FileResponse, Http404


def serve_static(request, path):
    found = finders.find(path)
    if not found:
        raise Http404(path)
    return FileResponse(open(found, "rb"))
