from django.contrib.auth import authenticate
from rest_framework.response import Response
from rest_framework.views import APIView


# ok: launch.W110
class LoginAPI(APIView):
    def post(self, request):
        user = authenticate(request, username=request.data["username"], password=request.data["password"])
        return Response({"ok": user is not None})
