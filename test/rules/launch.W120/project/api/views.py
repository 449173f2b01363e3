from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView


# DRF views are CSRF-exempt anyway, and SessionAuthentication enforces CSRF itself
class OrderList(APIView):
    def post(self, request):
        return Response({"user": request.user.pk})


# ok: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class OrderDetail(APIView):
    def post(self, request, pk):
        return Response({"user": request.user.pk})


# ok: launch.W120
@csrf_exempt
@api_view(["POST"])
def cancel_order(request, pk):
    return Response({"user": request.user.pk})
