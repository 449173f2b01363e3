from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from workspace.models import Application


def credentials_GET(request):
    return JsonResponse({"user": request.user.email})


def application_GET(request, host):
    return JsonResponse({"host": Application.objects.get(host=host, owner=request.user).host})


def application_PUT(request, host):
    Application.objects.create(host=host, owner=request.user)
    return JsonResponse({}, status=201)


def application_DELETE(request, host):
    Application.objects.filter(host=host, owner=request.user).delete()
    return JsonResponse({}, status=204)


def allowed(request, host):
    if not request.user.is_authenticated:
        raise PermissionDenied()
    return True


# Dispatch on the method in one return (Data Workspace's API views): GET only, anything else 405 — a cross-site
# POST is refused, and CSRF never checks GET
# ok: launch.W120
@csrf_exempt
def credentials_view(request):
    return credentials_GET(request) if request.method == "GET" else JsonResponse({}, status=405)


# GET, PUT and DELETE, POST refused: a form cannot send PUT or DELETE, fetch() only after a CORS preflight
# note: launch.W120
@csrf_exempt
def application_view(request, host):
    try:
        is_allowed = allowed(request, host)
    except PermissionDenied:
        return JsonResponse({}, status=403)
    return (
        JsonResponse({}, status=403)
        if not is_allowed
        else (
            application_GET(request, host)
            if request.method == "GET"
            else (application_PUT(request, host) if request.method == "PUT" else (application_DELETE(request, host) if request.method == "DELETE" else JsonResponse({}, status=405)))
        )
    )


# The last branch hands the request on: POST reaches application_PUT
# ruleid: launch.W120
@csrf_exempt
def application_any_view(request, host):
    return application_GET(request, host) if request.method == "GET" else application_PUT(request, host)
