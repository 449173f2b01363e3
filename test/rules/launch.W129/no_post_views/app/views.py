import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework.views import APIView


def area(request, pk):
    return JsonResponse({"id": pk, "name": request.GET.get("name", "")})


@csrf_exempt
def areas_by_point(request):
    points = json.loads(request.POST.get("points", "[]"))
    return JsonResponse({"count": len(points)})


class Upload(APIView):
    def post(self, request):
        return JsonResponse({"size": len(request.FILES)})


class RateLimit:
    """A helper that reads POST data is not a view that takes a form."""

    def key(self, request):
        return request.POST.get("key", "")
